import { BARRIER_AREAS, type BarrierArea, type BarrierSeverity, type BarriersRequest } from '@waypoint/contracts';
import { compareBarriers, identifyNeeds, SUPPORTIVE_SERVICE_RULES, worstSeverity } from './barriers';

/** Every core area at none, then the given severities. */
function answers(severities: Partial<Record<BarrierArea, BarrierSeverity>>): BarriersRequest {
  const barriers: Record<string, { severity: BarrierSeverity; note?: string }> = {};
  for (const a of ['transportation', 'child_care', 'housing', 'health', 'disability', 'justice_involvement', 'language', 'benefits'])
    barriers[a] = { severity: 'none' };
  for (const [a, s] of Object.entries(severities)) barriers[a] = { severity: s as BarrierSeverity, note: 'private note' };
  return { barriers } as BarriersRequest;
}

describe('identifyNeeds', () => {
  it.each<[BarrierArea, BarrierSeverity, string, string]>([
    ['transportation', 'low', 'transit_information', 'routine'],
    ['transportation', 'high', 'transit_pass', 'soon'],
    ['housing', 'moderate', 'rental_assistance', 'soon'],
    ['housing', 'crisis', 'emergency_shelter', 'same_day'],
    ['child_care', 'high', 'child_care_assistance', 'soon'],
    ['justice_involvement', 'high', 'expungement_legal_aid', 'soon'],
    ['language', 'moderate', 'esl_class', 'soon'],
    ['benefits', 'low', 'benefits_screening', 'routine'],
    ['food', 'crisis', 'emergency_food', 'same_day'],
    ['financial', 'moderate', 'financial_counselling', 'soon'],
  ])('%s at %s suggests %s (%s)', (area, severity, code, urgency) => {
    const [need] = identifyNeeds(answers({ [area]: severity }));
    expect(need).toMatchObject({ area, severity, suggestedService: { code, urgency } });
  });

  it('shows the transit pass and same-day shelter with their wording', () => {
    expect(SUPPORTIVE_SERVICE_RULES.transportation.high.label).toBe('Transit pass or mileage reimbursement');
    expect(SUPPORTIVE_SERVICE_RULES.housing.crisis.label).toBe('Emergency shelter referral (same day)');
  });

  it('suggests nothing for areas at none, and orders needs worst first', () => {
    const needs = identifyNeeds(answers({ benefits: 'low', housing: 'crisis', transportation: 'moderate', health: 'moderate' }));
    expect(needs.map((n) => [n.area, n.severity])).toEqual([
      ['housing', 'crisis'],
      ['transportation', 'moderate'],
      ['health', 'moderate'],
      ['benefits', 'low'],
    ]);
    expect(identifyNeeds(answers({}))).toEqual([]);
  });

  it('has a service for every area at every need severity, crisis always same day', () => {
    for (const area of BARRIER_AREAS) {
      for (const severity of ['low', 'moderate', 'high', 'crisis'] as const) {
        expect(SUPPORTIVE_SERVICE_RULES[area][severity].code).toMatch(/^[a-z0-9_]+$/);
      }
      expect(SUPPORTIVE_SERVICE_RULES[area].crisis.urgency).toBe('same_day');
    }
  });
});

describe('worstSeverity', () => {
  it.each<[BarrierSeverity[], BarrierSeverity]>([
    [[], 'none'],
    [['low'], 'low'],
    [['moderate', 'crisis', 'high'], 'crisis'],
  ])('of %p is %p', (severities, worst) => {
    expect(worstSeverity(severities.map((severity) => ({ severity })))).toBe(worst);
  });
});

describe('compareBarriers', () => {
  it.each<[string, BarrierSeverity, BarrierSeverity, string]>([
    ['a need that went away', 'high', 'none', 'resolved'],
    ['a need that appeared', 'none', 'low', 'new'],
    ['a need that got worse', 'moderate', 'crisis', 'worse'],
    ['a need that eased', 'crisis', 'low', 'better'],
    ['a need that stayed', 'moderate', 'moderate', 'unchanged'],
  ])('reports %s as %s', (_, from, to, change) => {
    expect(compareBarriers(answers({ housing: from }), answers({ housing: to }))).toEqual([{ area: 'housing', from, to, change }]);
  });

  it('leaves out areas that were no need either time, and counts a missing optional area as none', () => {
    const changes = compareBarriers(answers({ food: 'moderate' }), answers({ transportation: 'low' }));
    expect(changes.map((c) => [c.area, c.change])).toEqual([
      ['transportation', 'new'],
      ['food', 'resolved'],
    ]);
  });
});
