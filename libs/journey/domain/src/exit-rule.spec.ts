import { DEFAULT_JOURNEY_RULES, JourneyRulesSchema, type ServiceCategory } from '@waypoint/contracts';
import { addDays } from './calendar-date';
import { evaluateExit, type ServiceFacts } from './exit-rule';
import type { EnrollmentFacts } from './journey-rules';

const enrolled = (enrolledOn: string, overrides: Partial<EnrollmentFacts> = {}): EnrollmentFacts => ({
  program: 'WIOA_ADULT',
  enrolledOn,
  rules: DEFAULT_JOURNEY_RULES,
  ...overrides,
});
const delivered = (startOn: string, overrides: Partial<ServiceFacts> = {}): ServiceFacts => ({
  program: 'WIOA_ADULT',
  category: 'career_service',
  status: 'delivered',
  startOn,
  ...overrides,
});

const ENROLLED = enrolled('2026-01-05');

describe('the 90-day exit rule', () => {
  it.each([
    ['day 89 after the last service', 89, false],
    ['day 90 after the last service', 90, true],
    ['day 200 after the last service', 200, true],
  ])('%s: proposed %p', (_what, days, proposed) => {
    const evaluation = evaluateExit({ services: [delivered('2026-02-10')], enrollments: [ENROLLED], today: addDays('2026-02-10', days) });
    expect(evaluation).toMatchObject({ proposed, lastServiceOn: '2026-02-10', daysSinceClock: days, dueOn: '2026-05-11' });
    expect(evaluation.exitOn).toBe(proposed ? '2026-02-10' : null);
  });

  it('counts from the last day of a multi-day service', () => {
    const evaluation = evaluateExit({ services: [delivered('2026-01-10', { endOn: '2026-02-10' })], enrollments: [ENROLLED], today: '2026-05-11' });
    expect(evaluation).toMatchObject({ lastServiceOn: '2026-02-10', proposed: true, exitOn: '2026-02-10' });
  });

  it('resets the clock with a service recorded on day 89: no proposal on day 90, one on day 89 + 90', () => {
    const services = [delivered('2026-02-10'), delivered(addDays('2026-02-10', 89))];
    expect(evaluateExit({ services, enrollments: [ENROLLED], today: addDays('2026-02-10', 90) }).proposed).toBe(false);
    expect(evaluateExit({ services, enrollments: [ENROLLED], today: addDays('2026-02-10', 89 + 90) })).toMatchObject({
      proposed: true,
      exitOn: addDays('2026-02-10', 89),
    });
  });

  it.each<ServiceCategory>(['self_service', 'information_only', 'follow_up', 'case_management'])('a %s service neither resets nor blocks the clock', (category) => {
    const services = [
      delivered('2026-02-10'),
      delivered('2026-04-01', { category }),
      delivered('2026-05-01', { category, status: 'in_progress' }),
      delivered('2026-08-01', { category, status: 'scheduled' }),
    ];
    expect(evaluateExit({ services, enrollments: [ENROLLED], today: '2026-05-11' })).toMatchObject({ proposed: true, exitOn: '2026-02-10', blockedBy: [] });
  });

  it.each<[string, ServiceFacts, boolean]>([
    ['an open-ended training in progress in a co-enrolled program', delivered('2026-01-20', { program: 'SNAP_ET', category: 'training', status: 'in_progress' }), true],
    ['a service scheduled for later', delivered('2026-06-01', { status: 'scheduled' }), true],
    ['a service scheduled for today', delivered('2026-05-11', { status: 'scheduled' }), true],
    ['a scheduled service whose day passed undelivered', delivered('2026-05-10', { status: 'scheduled' }), false],
    ['a cancelled service', delivered('2026-06-01', { status: 'cancelled' }), false],
    ['an in-progress service whose last day has passed', delivered('2026-01-20', { status: 'in_progress', endOn: '2026-02-05' }), false],
  ])('%s blocks the exit: %p', (_what, service, blocked) => {
    const evaluation = evaluateExit({
      services: [delivered('2026-02-10'), service],
      enrollments: [ENROLLED, enrolled('2026-01-10', { program: 'SNAP_ET' })],
      today: '2026-05-11',
    });
    expect(evaluation.proposed).toBe(!blocked);
    expect(evaluation.blockedBy).toHaveLength(blocked ? 1 : 0);
    expect(evaluation.programs).toEqual(['WIOA_ADULT', 'SNAP_ET']);
  });

  it('reviews again the day after a blocking service ends or its scheduled day passes', () => {
    const training = delivered('2026-02-01', { category: 'training', status: 'in_progress', endOn: '2026-03-31' });
    expect(evaluateExit({ services: [training], enrollments: [ENROLLED], today: '2026-03-01' })).toMatchObject({ reviewOn: '2026-04-01', dueOn: null });
    // Once over, its last day is the last service date.
    expect(evaluateExit({ services: [training], enrollments: [ENROLLED], today: '2026-04-01' })).toMatchObject({ lastServiceOn: '2026-03-31', reviewOn: '2026-06-29' });
    const openEnded = { ...training, endOn: undefined };
    expect(evaluateExit({ services: [openEnded], enrollments: [ENROLLED], today: '2026-03-01' }).reviewOn).toBeNull();
  });

  it('starts the clock at the earliest open enrollment when no service counted', () => {
    const evaluation = evaluateExit({
      services: [delivered('2026-02-01', { category: 'information_only' })],
      enrollments: [enrolled('2026-03-01'), enrolled('2026-01-05', { program: 'SNAP_ET' }), enrolled('2025-12-01', { program: 'TAA', exitedOn: '2026-01-01' })],
      today: '2026-04-05',
    });
    expect(evaluation).toMatchObject({ lastServiceOn: null, clockFrom: '2026-01-05', proposed: true, exitOn: '2026-01-05', programs: ['SNAP_ET', 'WIOA_ADULT'] });
  });

  it('uses the smallest inactivity days of the open enrollments', () => {
    const short = JourneyRulesSchema.parse({ exitInactivityDays: 60 });
    const enrollments = [ENROLLED, enrolled('2026-01-05', { program: 'LOCAL', rules: short })];
    expect(evaluateExit({ services: [delivered('2026-02-10')], enrollments, today: '2026-04-11' })).toMatchObject({ inactivityDays: 60, proposed: true });
  });

  it('counts again from the day a reopened case restarted, the exit date still the last service date', () => {
    const services = [delivered('2026-02-10')];
    const input = { services, enrollments: [ENROLLED], restartedOn: '2026-06-01' };
    expect(evaluateExit({ ...input, today: '2026-08-29' })).toMatchObject({ proposed: false, dueOn: '2026-08-30' });
    expect(evaluateExit({ ...input, today: '2026-08-30' })).toMatchObject({ proposed: true, exitOn: '2026-02-10', lastServiceOn: '2026-02-10' });
  });

  it('proposes nothing without an open enrollment', () => {
    expect(evaluateExit({ services: [delivered('2026-02-10')], enrollments: [], today: '2027-01-01' })).toMatchObject({ proposed: false, dueOn: null, reviewOn: null, lastServiceOn: '2026-02-10' });
  });

  it.each([
    ['across a year end', '2026-12-31', '2027-03-31'],
    ['across a leap day', '2028-01-15', '2028-04-14'],
    ['from a leap day', '2028-02-29', '2028-05-29'],
  ])('counts 90 calendar days %s', (_what, last, due) => {
    const enrollments = [enrolled('2026-01-01')];
    expect(evaluateExit({ services: [delivered(last)], enrollments, today: addDays(due, -1) }).proposed).toBe(false);
    expect(evaluateExit({ services: [delivered(last)], enrollments, today: due })).toMatchObject({ proposed: true, dueOn: due, exitOn: last });
  });
});
