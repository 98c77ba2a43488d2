import { DEFAULT_JOURNEY_RULES, EMPLOYMENT_START_FOLLOW_UP_RULES, type ExitReason } from '@waypoint/contracts';
import { addDays } from '@waypoint/journey-domain';
import { APPLIED_IDS_KEPT, CLOSE_GRACE_DAYS, emptyJourney, EXIT_REVIEW_DAYS, JourneyMachine, type StepOutput } from './journey-machine';
import type { ConfirmExitUpdate, JourneyMessage } from './messages';

// The journey's rules step by step, without Temporal: what each step opens, closes and
// publishes, and when the workflow's one timer must wake next.

const DAY0 = '2026-01-05';
let n = 0;
const ids = () => ({ eventId: `evt-${++n}`, correlationId: 'corr' });

/** A journey and a clock: `at(day, ...messages)` runs one step on that day (10:00 UTC). */
function journey() {
  const machine = new JourneyMachine(emptyJourney('p-1'), { workflowId: 'journey-p-1', correlationId: 'corr' });
  const at = (day: number, ...messages: (JourneyMessage | ((m: JourneyMachine) => void))[]): StepOutput => {
    machine.begin(new Date(`${addDays(DAY0, day)}T10:00:00.000Z`));
    for (const m of messages) {
      if (typeof m === 'function') m(machine);
      else machine.apply(m);
    }
    machine.tick();
    return machine.end();
  };
  const kinds = () => machine.state.openTasks.map((t) => t.kind).sort();
  return { machine, at, kinds, state: machine.state };
}

const registered = (): JourneyMessage => ({
  signal: 'participantRegistered',
  payload: { ...ids(), office: 'North', programsOfInterest: ['WIOA_ADULT'], registeredAt: `${DAY0}T09:00:00.000Z` },
});
const enrolled = (day = 0, rules = DEFAULT_JOURNEY_RULES, program = 'WIOA_ADULT'): JourneyMessage => ({
  signal: 'enrolled',
  payload: { ...ids(), enrollmentId: `enr-${program}`, program, enrolledOn: addDays(DAY0, day), rules },
});
const service = (day: number, o: Partial<Extract<JourneyMessage, { signal: 'serviceRecorded' }>['payload']> = {}): JourneyMessage => ({
  signal: 'serviceRecorded',
  payload: { ...ids(), serviceId: `svc-${n}`, program: 'WIOA_ADULT', category: 'career_service', service: 'Workshop', status: 'delivered', startOn: addDays(DAY0, day), ...o },
});
const contact = (day: number, followUp = false): JourneyMessage => ({
  signal: 'contactRecorded',
  payload: { ...ids(), contactId: `c-${n}`, contactType: 'phone', contactOn: addDays(DAY0, day), followUp },
});
const signed = (): JourneyMessage => ({ signal: 'planSigned', payload: { ...ids(), planId: 'plan', planVersion: 1, signedAt: `${DAY0}T11:00:00.000Z` } });
const placed = (day: number): JourneyMessage => ({
  signal: 'placed',
  payload: { ...ids(), placementId: `plc-${n}`, employer: 'Clinic', startOn: addDays(DAY0, day), unsubsidized: true },
});
const confirm = (o: Partial<ConfirmExitUpdate> = {}): ConfirmExitUpdate => ({ reason: 'entered_employment', confirmedBy: 'cm', requestId: `req-${++n}`, ...o });

describe('journey machine', () => {
  it('opens the plan task at enrollment and escalates it planEscalationDays after its due day', () => {
    const j = journey();
    j.at(0, registered(), enrolled());
    expect(j.state.openTasks).toEqual([expect.objectContaining({ kind: 'plan_due', audience: 'case_manager', dueOn: addDays(DAY0, 30) })]);
    expect(j.machine.nextWakeOn()).toBe(addDays(DAY0, 30)); // the contact task comes first
    j.at(36);
    expect(j.kinds()).toEqual(['contact_due', 'plan_due']);
    j.at(37);
    expect(j.kinds()).toEqual(['contact_due', 'contact_overdue', 'plan_due', 'plan_overdue']);
    expect(j.state.openTasks.find((t) => t.kind === 'plan_overdue')).toMatchObject({ audience: 'supervisor', dueOn: addDays(DAY0, 37) });
    const out = j.at(38, signed());
    expect(out.events.filter((e) => e.type === 'journey.task.closed').map((e) => e.data)).toEqual([
      expect.objectContaining({ resolution: 'done' }),
      expect.objectContaining({ resolution: 'done' }),
    ]);
    expect(j.kinds()).toEqual(['contact_due', 'contact_overdue']);
  });

  it('opens the contact task after the interval, due escalation days later; a contact closes both and restarts the clock', () => {
    const j = journey();
    j.at(0, registered(), enrolled(), signed());
    j.at(29);
    expect(j.kinds()).toEqual([]);
    j.at(30);
    expect(j.state.openTasks).toEqual([expect.objectContaining({ kind: 'contact_due', dueOn: addDays(DAY0, 37) })]);
    expect(j.machine.nextWakeOn()).toBe(addDays(DAY0, 37));
    j.at(37);
    expect(j.kinds()).toEqual(['contact_due', 'contact_overdue']);
    j.at(40, contact(40));
    expect(j.kinds()).toEqual([]);
    expect(j.machine.nextWakeOn()).toBe(addDays(DAY0, 70));
  });

  it('proposes the exit with a review task, withdraws it for a scheduled service and proposes again later', () => {
    const j = journey();
    j.at(0, registered(), enrolled(), signed(), service(0));
    j.at(89);
    expect(j.state.exitProposal).toBeNull();
    const proposed = j.at(90, contact(90));
    expect(j.state.exitProposal).toMatchObject({ exitOn: DAY0, lastServiceOn: DAY0, programs: ['WIOA_ADULT'] });
    // The contact closes the contact tasks (days 30 and 37); the exit falls due the same day.
    expect(proposed.events.map((e) => e.type)).toEqual([
      'journey.task.closed',
      'journey.task.closed',
      'journey.exit.proposed',
      'journey.task.opened',
      'journey.status.changed',
    ]);
    expect(j.state.openTasks.find((t) => t.kind === 'exit_review')?.dueOn).toBe(addDays(DAY0, 90 + EXIT_REVIEW_DAYS));

    j.at(95, service(100, { status: 'scheduled' }));
    expect(j.state.exitProposal).toBeNull();
    expect(j.kinds()).not.toContain('exit_review');
    expect(j.machine.nextWakeOn()).toBe(addDays(DAY0, 101)); // the day after the scheduled day
    j.at(101); // scheduled, never delivered: no longer holds exit off
    expect(j.state.exitProposal).toMatchObject({ exitOn: DAY0 });
  });

  it.each<[string, Partial<ConfirmExitUpdate>, boolean, RegExp | null]>([
    ['the proposal', {}, true, null],
    ['no proposal, completed', { reason: 'completed' }, false, /No exit is proposed/],
    ...(['incarcerated', 'health', 'deceased', 'reserve_call_up'] as ExitReason[]).map(
      (reason): [string, Partial<ConfirmExitUpdate>, boolean, RegExp | null] => [`no proposal, ${reason}`, { reason }, false, null],
    ),
    ['an exit date in the future', { exitOn: addDays(DAY0, 91) }, true, /in the future/],
    ['an exit date before the last service', { exitOn: addDays(DAY0, -1) }, true, /before the last service date/],
  ])('confirming the exit with %s', (_what, update, withProposal, problem) => {
    const j = journey();
    j.at(0, registered(), enrolled(), service(0));
    j.at(withProposal ? 90 : 60);
    const found = j.machine.confirmExitProblem(confirm(update));
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });

  it('exits: closes every pre-exit task, enters exited then follow-up, and follows up from the first job after exit', () => {
    const j = journey();
    j.at(0, registered(), enrolled(0, EMPLOYMENT_START_FOLLOW_UP_RULES), service(0));
    j.at(90);
    const request = confirm();
    const out = j.at(92, (m) => m.confirmExit(request));
    expect(out.phaseChanges.map((p) => [p.phase, p.causationId])).toEqual([
      ['exited', request.requestId],
      ['follow_up', request.requestId],
    ]);
    expect(j.state.exit).toMatchObject({ exitOn: DAY0, followUpFrom: DAY0 });
    // contact-30 and contact-90 were due already
    expect(j.kinds()).toEqual(['follow_up_contact', 'follow_up_contact']);
    expect(j.at(93, (m) => m.confirmExit(request))).toEqual({ phaseChanges: [], events: [] });

    j.at(100, placed(98), contact(100, true));
    expect(j.state.exit).toMatchObject({ exitOn: DAY0, followUpFrom: addDays(DAY0, 98) }); // the exit date never moves
    expect(j.kinds()).toEqual([]);
    const deadlines = j.machine.view(new Date(`${addDays(DAY0, 100)}T12:00:00Z`)).deadlines;
    // Contacts count from the job; employment checks still from the exit quarter (Q1 2026 → Q3, Q1 2027).
    expect(deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
      ['follow_up_contact', addDays(DAY0, 98 + 30)],
      ['follow_up_contact', addDays(DAY0, 98 + 90)],
      ['employment_check', '2026-10-01'],
      ['follow_up_contact', addDays(DAY0, 98 + 180)],
      ['follow_up_contact', addDays(DAY0, 98 + 270)],
      ['employment_check', '2027-04-01'],
      ['follow_up_contact', addDays(DAY0, 98 + 365)],
      ['journey_close', addDays(DAY0, 98 + 365)],
    ]);
  });

  it('closes on the close day once no follow-up task is open, or CLOSE_GRACE_DAYS later closing the rest', () => {
    const j = journey();
    j.at(0, registered(), enrolled(), service(0));
    j.at(90);
    j.at(91, (m) => m.confirmExit(confirm()));
    const closesOn = j.state.exit?.followUpEndsOn as string;
    const last = (day: string) => Math.round((Date.parse(day) - Date.parse(DAY0)) / 86_400_000);
    j.at(last(closesOn));
    expect(j.state.phase).toBe('follow_up');
    expect(j.machine.nextWakeOn()).toBe(addDays(closesOn, CLOSE_GRACE_DAYS));
    const out = j.at(last(closesOn) + CLOSE_GRACE_DAYS);
    expect(j.state.phase).toBe('closed');
    expect(j.state.openTasks).toEqual([]);
    expect(out.events.filter((e) => e.type === 'journey.task.closed').every((e) => e.data.resolution === 'obsolete')).toBe(true);
    expect(j.machine.nextWakeOn()).toBeNull();
  });

  it('changes nothing for a redelivered event and keeps the most recent ids only', () => {
    const j = journey();
    const reg = registered();
    j.at(0, reg);
    expect(j.at(0, reg)).toEqual({ phaseChanges: [], events: [] });
    for (let i = 0; i < APPLIED_IDS_KEPT + 10; i += 1) j.at(1, contact(1));
    expect(j.state.appliedEventIds).toHaveLength(APPLIED_IDS_KEPT);
    expect(j.state.appliedEventIds).not.toContain(reg.payload.eventId);
  });

  it('publishes the status only when what the list shows changes, with rising revisions', () => {
    const j = journey();
    const first = j.at(0, registered());
    expect(first.events.map((e) => e.eventId)).toEqual(['journey-p-1:status:1']);
    expect(j.at(0, contact(0)).events).toEqual([]); // no enrollment yet: nothing the list shows changed
    const second = j.at(1, enrolled(1));
    expect(second.events.at(-1)).toMatchObject({ eventId: 'journey-p-1:status:2', data: { revision: 2, phase: 'planning', openTasks: 1 } });
  });
});
