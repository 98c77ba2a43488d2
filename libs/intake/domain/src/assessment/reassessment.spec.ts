import type { AssessmentKind } from '@waypoint/contracts';
import { isReassessmentDue, REASSESSMENT_INTERVAL_DAYS, reassessmentDueOn } from './reassessment';

describe('reassessmentDueOn', () => {
  it.each<[AssessmentKind, string, string]>([
    ['barriers', '2026-01-10T09:00:00Z', '2026-04-10'],
    ['job-readiness', '2026-01-10T23:59:59Z', '2026-04-10'],
    ['interest-profile', '2026-03-01T00:00:00Z', '2027-03-01'],
    ['intake-questionnaire', '2028-02-29T12:00:00Z', '2029-02-28'],
    ['barriers', '2026-12-15T08:00:00Z', '2027-03-15'],
  ])('%s completed at %s is due on %s', (kind, at, due) => {
    expect(reassessmentDueOn(kind, new Date(at))).toBe(due);
  });

  it('has an interval for every kind', () => {
    expect(REASSESSMENT_INTERVAL_DAYS).toEqual({ 'intake-questionnaire': 365, barriers: 90, 'interest-profile': 365, 'job-readiness': 90 });
  });
});

describe('isReassessmentDue', () => {
  it.each([
    ['2026-04-10', '2026-04-09', false],
    ['2026-04-10', '2026-04-10', true],
    ['2026-04-10', '2027-01-01', true],
  ])('due on %s, today %s: %p', (due, today, expected) => {
    expect(isReassessmentDue(due, today)).toBe(expected);
  });
});
