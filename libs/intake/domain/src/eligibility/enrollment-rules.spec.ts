import { DEFAULT_OFFICES, DEFAULT_PROGRAM_CONFIGURATION } from './default-configuration';
import { enrollmentRefusals, exitRefusals, type DeterminedProgram } from './enrollment-rules';
import { ProgramDefinitionSchema } from './program-rules';

const asOf = new Date('2026-06-15T12:00:00Z');
const result = (over: Partial<DeterminedProgram> = {}): DeterminedProgram => ({
  status: 'eligible',
  determinedAt: '2026-06-01T09:00:00.000Z',
  expiresAt: '2026-07-16T09:00:00.000Z',
  ...over,
});

describe('enrollment refusals', () => {
  it.each<[string, DeterminedProgram | undefined, string, string | null, RegExp | null]>([
    ['an eligible, current determination on the day it was made', result(), '2026-06-01', null, null],
    ['an eligible determination, entry today', result(), '2026-06-15', null, null],
    ['no determination for the program', undefined, '2026-06-15', 'program', /determine eligibility first/],
    ['a not-eligible result', result({ status: 'not_eligible' }), '2026-06-15', 'program', /not eligible/],
    ['an undetermined result', result({ status: 'undetermined' }), '2026-06-15', 'program', /undetermined/],
    ['a result that expired this morning', result({ expiresAt: '2026-06-15T00:00:00.000Z' }), '2026-06-15', 'determinationId', /expired on 2026-06-15/],
    ['an entry before the determination', result(), '2026-05-31', 'enrolledOn', /before the eligibility determination/],
    ['an entry tomorrow', result(), '2026-06-16', 'enrolledOn', /future/],
  ])('%s', (_label, r, enrolledOn, field, message) => {
    const refusals = enrollmentRefusals('WIOA_ADULT', r, enrolledOn, asOf);
    if (field === null) {
      expect(refusals).toEqual([]);
    } else {
      expect(refusals).toHaveLength(1);
      expect(refusals[0].field).toBe(field);
      expect(refusals[0].message).toMatch(message as RegExp);
    }
  });
});

describe('exit refusals', () => {
  it.each<[string, 'open' | 'exited', string, string | null]>([
    ['an open enrollment exited on its entry day', 'open', '2026-06-01', null],
    ['an open enrollment exited today', 'open', '2026-06-15', null],
    ['an enrollment already exited', 'exited', '2026-06-10', '(body)'],
    ['an exit before the entry', 'open', '2026-05-31', 'exitedOn'],
    ['an exit tomorrow', 'open', '2026-06-16', 'exitedOn'],
  ])('%s', (_label, status, exitedOn, field) => {
    const refusals = exitRefusals({ status, enrolledOn: '2026-06-01' }, exitedOn, asOf);
    expect(refusals.map((r) => r.field)).toEqual(field === null ? [] : [field]);
  });
});

describe('default configuration', () => {
  it('ships every default program with valid rules, a label and a funding stream', () => {
    for (const p of DEFAULT_PROGRAM_CONFIGURATION) {
      expect(ProgramDefinitionSchema.safeParse({ code: p.code, name: p.label, rules: p.rules, determinationValidDays: p.determinationValidDays }).success).toBe(true);
      expect(p.label).not.toBe('');
      expect(p.fundingStream).toBe('federal');
    }
  });

  it('keeps the TANF participation hours as data', () => {
    const tanf = DEFAULT_PROGRAM_CONFIGURATION.find((p) => p.code === 'TANF_ES');
    expect(tanf?.activityHours?.weeklyHoursTarget).toBeGreaterThan(0);
    expect(tanf?.activityHours?.byHousehold.map((h) => h.hoursPerMonth ?? h.hoursPerWeek)).toEqual([130, 87, 55]);
  });

  it('ships the three demo offices', () => {
    expect(DEFAULT_OFFICES.map((o) => o.code)).toEqual(['north-ajc', 'downtown-ajc', 'riverside-ajc']);
  });
});
