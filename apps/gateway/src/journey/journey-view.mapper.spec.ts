import { DEFAULT_JOURNEY_RULES } from '@waypoint/contracts';
import { emptyJourney, type JourneyView } from '@waypoint/journey-workflows';
import { toJourneyStateView } from './journey-view.mapper';

const aView = (over: Partial<JourneyView> = {}): JourneyView => ({
  ...emptyJourney('p-1'),
  phase: 'services',
  sequence: 4,
  programsOfInterest: ['WIOA_ADULT'],
  appliedEventIds: ['e-1', 'e-2'],
  history: [
    { sequence: 1, phase: 'intake', at: '2026-01-05T10:00:00.000Z', cause: 'e-1' },
    { sequence: 4, phase: 'services', at: '2026-02-01T10:00:00.000Z', cause: 'e-2' },
  ],
  enrollments: [{ enrollmentId: 'en-1', program: 'WIOA_ADULT', enrolledOn: '2026-01-10', rules: DEFAULT_JOURNEY_RULES }],
  lastServiceOn: '2026-03-01',
  statusRevision: 3,
  // Workflow time: the last time the workflow ran, days before the read.
  asOf: '2026-03-11T00:00:00.000Z',
  daysSinceLastService: 10,
  deadlines: [
    { kind: 'exit_inactivity', dueOn: '2026-05-30', label: 'Exit review' },
    { kind: 'contact_due', dueOn: '2026-03-31', label: 'Monthly contact due' },
  ],
  ...over,
});

describe('toJourneyStateView', () => {
  it('counts the days since the last service to the real date, not to the workflow time', () => {
    const view = toJourneyStateView(aView(), 'journey-p-1', '2026-03-31');
    expect(view).toMatchObject({ asOf: '2026-03-31', lastServiceOn: '2026-03-01', daysSinceLastService: 30 });
  });

  it.each([
    ['no service yet', null, '2026-03-31', null],
    ['a service today', '2026-03-31', '2026-03-31', 0],
    ['across a leap day', '2028-02-28', '2028-03-01', 2],
    ['across a year end', '2026-12-31', '2027-01-01', 1],
  ])('days since last service with %s', (_what, lastServiceOn, today, days) => {
    expect(toJourneyStateView(aView({ lastServiceOn }), 'journey-p-1', today).daysSinceLastService).toBe(days);
  });

  it('lists deadlines soonest first and keeps the workflow’s bookkeeping inside it', () => {
    const view = toJourneyStateView(aView(), 'journey-p-1', '2026-03-31');
    expect(view.deadlines.map((d) => d.kind)).toEqual(['contact_due', 'exit_inactivity']);
    expect(view.history).toEqual([
      { sequence: 1, phase: 'intake', at: '2026-01-05T10:00:00.000Z' },
      { sequence: 4, phase: 'services', at: '2026-02-01T10:00:00.000Z' },
    ]);
    expect(view.enrollments).toEqual([{ enrollmentId: 'en-1', program: 'WIOA_ADULT', enrolledOn: '2026-01-10' }]);
    for (const key of ['appliedEventIds', 'services', 'taskCounter', 'followUpDone', 'statusRevision', 'eventCounter']) expect(view).not.toHaveProperty(key);
  });
});
