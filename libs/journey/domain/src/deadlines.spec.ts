import { DEFAULT_JOURNEY_RULES } from '@waypoint/contracts';
import { journeyDeadlines, type DeadlineFacts } from './deadlines';

const facts = (overrides: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  today: '2026-03-01',
  enrollments: [{ program: 'WIOA_ADULT', enrolledOn: '2026-02-01', rules: DEFAULT_JOURNEY_RULES }],
  services: [],
  planSigned: false,
  lastContactOn: null,
  reassessmentDue: {},
  exitProposed: false,
  exit: null,
  followUpDone: [],
  ...overrides,
});

describe('journey deadlines', () => {
  it('lists nothing before enrollment', () => {
    expect(journeyDeadlines(facts({ enrollments: [] }))).toEqual([]);
  });

  it('lists plan, contact, reassessment and exit deadlines soonest first', () => {
    const list = journeyDeadlines(
      facts({
        services: [{ program: 'WIOA_ADULT', category: 'career_service', status: 'delivered', startOn: '2026-02-20' }],
        lastContactOn: '2026-02-15',
        reassessmentDue: { job_readiness: '2026-03-10' },
      }),
    );
    expect(list).toEqual([
      { kind: 'plan_due', dueOn: '2026-03-03', label: 'Plan due', program: 'WIOA_ADULT' },
      { kind: 'reassessment_due', dueOn: '2026-03-10', label: 'Reassessment due (job readiness)' },
      { kind: 'contact_due', dueOn: '2026-03-17', label: 'Monthly contact due' },
      { kind: 'exit_inactivity', dueOn: '2026-05-21', label: 'Exit after 90 days without service' },
    ]);
  });

  it('drops the plan once signed and the exit clock while an exit is proposed or a service blocks it', () => {
    expect(journeyDeadlines(facts({ planSigned: true, exitProposed: true })).map((d) => d.kind)).toEqual(['contact_due']);
    expect(journeyDeadlines(facts({ planSigned: true, exitProposed: true, exitReviewDueOn: '2026-03-05' }))[1]).toEqual({
      kind: 'exit_inactivity',
      dueOn: '2026-03-05',
      label: 'Review the proposed exit',
    });
    const blocking = [{ program: 'SNAP_ET', category: 'training' as const, status: 'in_progress' as const, startOn: '2026-02-10' }];
    expect(journeyDeadlines(facts({ planSigned: true, services: blocking })).map((d) => d.kind)).toEqual(['contact_due']);
  });

  it('lists the follow-up checkpoints not yet handled and the close after exit', () => {
    const list = journeyDeadlines(
      facts({ exit: { exitOn: '2026-02-10', followUpFrom: '2026-02-10', contactDays: [30, 90, 180, 270, 365] }, followUpDone: ['contact-30', 'contact-90'] }),
    );
    expect(list.map((d) => `${d.kind} ${d.dueOn}`)).toEqual([
      'follow_up_contact 2026-08-09',
      'employment_check 2026-10-01',
      'follow_up_contact 2026-11-07',
      'follow_up_contact 2027-02-10',
      'employment_check 2027-04-01',
      'journey_close 2027-04-01',
    ]);
  });
});
