import { DEFAULT_JOURNEY_RULES, EMPLOYMENT_START_FOLLOW_UP_RULES, JourneyRulesSchema } from '@waypoint/contracts';
import { followUpSchedule, followUpStart } from './follow-up';
import { combinedRules, rulesAtExit } from './journey-rules';

const DAYS = DEFAULT_JOURNEY_RULES.followUpContactDays;

describe('follow-up', () => {
  it.each([
    ['exit anchor, with a job', 'exit', '2026-03-01', '2026-02-10'],
    ['employment anchor, job started after exit', 'employment_start', '2026-03-01', '2026-03-01'],
    ['employment anchor, job held at exit', 'employment_start', '2026-01-15', '2026-01-15'],
    ['employment anchor, no job', 'employment_start', null, '2026-02-10'],
  ] as const)('%s: counts from %3$s → %4$s', (_what, followUpFrom, employmentStartOn, expected) => {
    expect(followUpStart({ exitOn: '2026-02-10', followUpFrom, employmentStartOn })).toBe(expected);
  });

  it('schedules contacts at 30, 90, 180, 270 and 365 days and the Q2 and Q4 checks, then closes', () => {
    const schedule = followUpSchedule({ exitOn: '2026-02-10', startsOn: '2026-02-10', contactDays: DAYS });
    expect(schedule.checkpoints.map((c) => [c.key, c.dueOn])).toEqual([
      ['contact-30', '2026-03-12'],
      ['contact-90', '2026-05-11'],
      ['contact-180', '2026-08-09'],
      ['q2', '2026-10-01'],
      ['contact-270', '2026-11-07'],
      ['contact-365', '2027-02-10'],
      ['q4', '2027-04-01'],
    ]);
    expect(schedule.closesOn).toBe('2027-04-01');
    expect(schedule.checkpoints.find((c) => c.key === 'q4')?.label).toBe('Employment check (4th quarter after exit)');
  });

  it.each([
    // exit, follow-up start, last contact day, Q4 check, close
    ['2026-12-31', '2026-12-31', '2027-12-31', '2028-01-01', '2028-01-01'],
    ['2026-03-31', '2026-03-31', '2027-03-31', '2027-04-01', '2027-04-01'],
    ['2027-03-01', '2027-03-01', '2028-02-29', '2028-04-01', '2028-04-01'],
    ['2028-02-29', '2028-02-29', '2029-02-28', '2029-04-01', '2029-04-01'],
    // Employment started long after exit: the last contact is later than the Q4 check.
    ['2026-02-10', '2026-12-01', '2027-12-01', '2027-04-01', '2027-12-01'],
  ])('exit %s, follow-up from %s: last contact %s, Q4 check %s, closes %s', (exitOn, startsOn, lastContact, q4, closesOn) => {
    const schedule = followUpSchedule({ exitOn, startsOn, contactDays: DAYS });
    expect(schedule.checkpoints.find((c) => c.key === 'contact-365')?.dueOn).toBe(lastContact);
    expect(schedule.checkpoints.find((c) => c.key === 'q4')?.dueOn).toBe(q4);
    expect(schedule.closesOn).toBe(closesOn);
  });

  it('combines co-enrolled programs: strictest deadlines, employment anchor if any, union of contact days', () => {
    const local = JourneyRulesSchema.parse({ planDueDays: 14, contactIntervalDays: 45, followUpContactDays: [60, 365] });
    const rules = combinedRules([
      { program: 'WIOA_ADULT', enrolledOn: '2026-01-01', rules: EMPLOYMENT_START_FOLLOW_UP_RULES },
      { program: 'LOCAL', enrolledOn: '2026-01-02', rules: local },
    ]);
    expect(rules).toMatchObject({ planDueDays: 14, contactIntervalDays: 30, followUpFrom: 'employment_start', followUpContactDays: [30, 60, 90, 180, 270, 365] });
    expect(combinedRules([{ program: 'LOCAL', enrolledOn: '2026-01-02', rules: local, exitedOn: '2026-02-01' }])).toBeNull();
    expect(rulesAtExit([{ program: 'LOCAL', enrolledOn: '2026-01-02', rules: local, exitedOn: '2026-02-01' }]).planDueDays).toBe(14);
  });
});
