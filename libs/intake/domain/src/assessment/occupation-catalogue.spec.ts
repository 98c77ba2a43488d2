import { createOccupationSchema } from '@waypoint/contracts';
import { OCCUPATION_CATALOGUE } from './occupation-catalogue';
import { RIASEC_AREAS } from './riasec';

describe('the shipped occupation catalogue', () => {
  it('has at least 80 occupations with unique SOC codes, each valid as an administrator would have to enter it', () => {
    expect(OCCUPATION_CATALOGUE.length).toBeGreaterThanOrEqual(80);
    expect(new Set(OCCUPATION_CATALOGUE.map((o) => o.socCode)).size).toBe(OCCUPATION_CATALOGUE.length);
    for (const o of OCCUPATION_CATALOGUE) {
      const parsed = createOccupationSchema.safeParse(o);
      expect([o.socCode, parsed.success ? 'valid' : parsed.error.message]).toEqual([o.socCode, 'valid']);
    }
  });

  it.each(RIASEC_AREAS.map((a) => [a]))('has at least five occupations whose first letter is %s', (area) => {
    expect(OCCUPATION_CATALOGUE.filter((o) => o.riasecCode[0] === area).length).toBeGreaterThanOrEqual(5);
  });

  it.each([1, 2, 3, 4, 5].map((z) => [z]))('has at least five occupations in job zone %p', (zone) => {
    expect(OCCUPATION_CATALOGUE.filter((o) => o.jobZone === zone).length).toBeGreaterThanOrEqual(5);
  });
});
