import { countsTowardExit, PERFORMANCE_EXCLUSION_REASONS, type ExitReason, type JourneyPhase, type JourneyTaskKind, type ProgramCode, type TaskAudience } from '@waypoint/contracts';
import {
  addDays,
  combinedRules,
  compareDates,
  contactClockFrom,
  daysSinceLastService,
  earliestDate,
  evaluateExit,
  followUpSchedule,
  followUpStart,
  isoDateOf,
  journeyDeadlines,
  latestDate,
  openEnrollments,
  rulesAtExit,
  type IsoDate,
} from '@waypoint/journey-domain';
import type { JourneyEventInput, PublishPhaseChangedInput } from './activities';
import type { ConfirmExitUpdate, JourneyMessage, JourneySnapshot, JourneyTask, JourneyView, ReopenUpdate } from './messages';

// The journey's rules applied to its state, one step at a time: pure and deterministic (no
// Temporal API), so the workflow only waits, feeds it and publishes what a step produced.
//
// Timing (all UTC calendar days; a timer wakes the workflow at midnight UTC of the day):
// - plan: `plan_due` (case manager) opens at enrollment, due enrolledOn + planDueDays; no
//   signed plan by due + planEscalationDays → `plan_overdue` (supervisor), due that day.
//   A signed plan closes both (done).
// - contact: contactIntervalDays after the last contact (or the first enrollment, or a
//   reopening) → `contact_due` (case manager), due contactEscalationDays later; still no
//   contact on that day → `contact_overdue` (supervisor), due that day. A contact closes both
//   (done) and restarts the clock.
// - reassessment: `reassessment_due` opens on the due date from the assessment; the same
//   kind completed again closes it (done).
// - exit: the day the domain rule proposes it → `journey.exit.proposed` and `exit_review`
//   (case manager) due EXIT_REVIEW_DAYS later; a counting service recorded or scheduled later
//   withdraws it (task obsolete). Confirming closes `exit_review` (done) and every other
//   pre-exit task (obsolete); monthly contact, plan and reassessment clocks stop.
// - follow-up: each checkpoint opens its task on its day (`follow_up_contact`, or
//   `employment_check` for Q2/Q4), due FOLLOW_UP_TASK_DAYS later; a follow-up contact on or
//   after the day a task opened closes it (done; an unsubsidized placement also answers an
//   open employment check). The journey closes on the schedule's close day once no
//   follow-up task is open, and at the latest CLOSE_GRACE_DAYS after it (leftovers obsolete).

/** Days staff have to review a proposed exit. */
export const EXIT_REVIEW_DAYS = 14;
/** Days staff have to make a follow-up contact or employment check once its task opens. */
export const FOLLOW_UP_TASK_DAYS = 14;
/** After the close day, how long the journey waits for open follow-up tasks before closing them. */
export const CLOSE_GRACE_DAYS = 30;
/** Applied event and request ids kept (most recent first out): enough to drop redeliveries. */
export const APPLIED_IDS_KEPT = 500;

/** Reasons that may exit a person early without a proposal (WIOA performance exclusions). */
/** Exit reasons staff may confirm early, without a proposal (the contracts' list). */
export const PERFORMANCE_EXCLUSIONS: readonly ExitReason[] = PERFORMANCE_EXCLUSION_REASONS;

const PRE_EXIT_ORDER: readonly JourneyPhase[] = ['intake', 'assessment', 'planning', 'services', 'placement'];
const AFTER_EXIT: readonly (JourneyPhase | null)[] = ['exited', 'follow_up', 'closed'];

/** A staff action the journey refuses (the update validator turns it into a rejection). */
export class JourneyRuleViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JourneyRuleViolation';
  }
}

export function emptyJourney(participantId: string): JourneySnapshot {
  return {
    participantId,
    phase: null,
    sequence: 0,
    programsOfInterest: [],
    appliedEventIds: [],
    history: [],
    enrollments: [],
    services: [],
    lastServiceOn: null,
    lastContactOn: null,
    planSignedAt: null,
    reassessmentDue: {},
    employmentStartOn: null,
    credentials: [],
    openTasks: [],
    taskCounter: 0,
    exitProposal: null,
    exit: null,
    followUpDone: [],
    statusRevision: 0,
    eventCounter: 0,
  };
}

interface Cause {
  eventId: string;
  correlationId: string;
}

export interface StepOutput {
  phaseChanges: PublishPhaseChangedInput[];
  /** Task, exit and status events of the step, in order: published in one call. */
  events: JourneyEventInput[];
}

export class JourneyMachine {
  private now = new Date(0);
  private today: IsoDate = '1970-01-01';
  private cause: Cause;
  private statusBefore = '';
  private output: StepOutput = { phaseChanges: [], events: [] };

  constructor(
    readonly state: JourneySnapshot,
    private readonly context: { workflowId: string; correlationId: string },
  ) {
    this.cause = this.timerCause();
  }

  // -------------------------------------------------------------------------------------
  // A step: begin, apply messages and staff actions, tick (due deadlines), end.
  // -------------------------------------------------------------------------------------

  begin(now: Date): void {
    this.setNow(now);
    this.output = { phaseChanges: [], events: [] };
    this.statusBefore = this.statusSignature();
    this.cause = this.timerCause();
  }

  /** Sets the machine's clock (before a validator judges a staff action as of today). */
  asOf(now: Date): this {
    this.setNow(now);
    return this;
  }

  /** Whether an event or request id was already applied (a redelivery changes nothing). */
  applied(id: string): boolean {
    return this.state.appliedEventIds.includes(id);
  }

  apply(message: JourneyMessage): void {
    const { payload } = message;
    if (this.applied(payload.eventId)) return;
    this.remember(payload.eventId);
    this.cause = { eventId: payload.eventId, correlationId: payload.correlationId };
    const s = this.state;
    switch (message.signal) {
      case 'participantRegistered': {
        const p = message.payload;
        s.office = s.office ?? p.office;
        if (s.programsOfInterest.length === 0) s.programsOfInterest = p.programsOfInterest;
        this.advance('intake');
        break;
      }
      case 'enrolled': {
        const p = message.payload;
        if (!s.enrollments.some((e) => e.enrollmentId === p.enrollmentId)) {
          s.enrollments.push({ enrollmentId: p.enrollmentId, program: p.program, enrolledOn: p.enrolledOn, rules: p.rules });
        }
        this.advance('planning');
        break;
      }
      case 'programExited': {
        const enrollment = s.enrollments.find((e) => e.enrollmentId === message.payload.enrollmentId);
        if (enrollment) enrollment.exitedOn = message.payload.exitedOn;
        break;
      }
      case 'assessmentCompleted': {
        const p = message.payload;
        s.reassessmentDue[p.kind] = p.reassessmentDueOn;
        this.closeTasks((t) => t.key === `reassessment:${p.kind}`, 'done');
        this.advance('assessment');
        break;
      }
      case 'planSigned':
        s.planSignedAt = message.payload.signedAt;
        this.closeTasks((t) => t.kind === 'plan_due' || t.kind === 'plan_overdue', 'done');
        this.advance('services');
        break;
      case 'serviceRecorded': {
        const { eventId: _e, correlationId: _c, ...service } = message.payload;
        const at = s.services.findIndex((x) => x.serviceId === service.serviceId);
        if (at >= 0) s.services[at] = service;
        else s.services.push(service);
        if (service.status !== 'cancelled') {
          if (service.category === 'job_search_assistance') this.advance('placement');
          else if (countsTowardExit(service.category)) this.advance('services');
        }
        break;
      }
      case 'trainingEnrolled': {
        const p = message.payload;
        const service = {
          serviceId: p.trainingEnrollmentId,
          program: p.program,
          category: 'training' as const,
          service: p.course,
          status: 'in_progress' as const,
          startOn: p.startOn,
          ...(p.expectedEndOn ? { endOn: p.expectedEndOn } : {}),
        };
        const at = s.services.findIndex((x) => x.serviceId === service.serviceId);
        if (at >= 0) s.services[at] = service;
        else s.services.push(service);
        this.advance('services');
        break;
      }
      case 'trainingCompleted': {
        const p = message.payload;
        const service = s.services.find((x) => x.serviceId === p.trainingEnrollmentId);
        if (service) {
          service.status = 'delivered';
          service.endOn = p.endOn;
        }
        this.advance('services');
        break;
      }
      case 'credentialEarned': {
        const { credentialId, name, earnedOn } = message.payload;
        if (!s.credentials.some((c) => c.credentialId === credentialId)) s.credentials.push({ credentialId, name, earnedOn });
        this.advance('services');
        break;
      }
      case 'placed': {
        const p = message.payload;
        if (p.unsubsidized) {
          s.employmentStartOn = latestDate([p.startOn, ...(s.employmentStartOn ? [s.employmentStartOn] : [])]);
          this.closeTasks((t) => t.kind === 'employment_check', 'done');
          this.moveFollowUpToEmployment();
        }
        this.advance('placement');
        break;
      }
      case 'contactRecorded': {
        const p = message.payload;
        if (s.exit) {
          // A follow-up contact answers the follow-up tasks open on or before its day.
          this.closeTasks(
            (t) => (t.kind === 'follow_up_contact' || t.kind === 'employment_check') && compareDates(isoDateOf(new Date(t.openedAt)), p.contactOn) <= 0,
            'done',
          );
        } else if (!p.followUp) {
          s.lastContactOn = latestDate([p.contactOn, ...(s.lastContactOn ? [s.lastContactOn] : [])]);
          this.closeTasks((t) => t.kind === 'contact_due' || t.kind === 'contact_overdue', 'done');
        }
        break;
      }
    }
  }

  /** Why staff may not confirm this exit now (null: they may). */
  confirmExitProblem(update: ConfirmExitUpdate): string | null {
    if (this.applied(update.requestId)) return null;
    const s = this.state;
    if (s.phase === null) return 'The journey has not started: the participant is not registered';
    if (s.exit || AFTER_EXIT.includes(s.phase)) return 'The participant has already exited';
    if (!s.exitProposal && !PERFORMANCE_EXCLUSIONS.includes(update.reason)) {
      return `No exit is proposed yet; without a proposal only a performance exclusion (${PERFORMANCE_EXCLUSIONS.join(', ')}) exits early`;
    }
    const exitOn = this.exitDateFor(update);
    if (compareDates(exitOn, this.today) > 0) return `The exit date ${exitOn} is in the future`;
    if (s.lastServiceOn && compareDates(exitOn, s.lastServiceOn) < 0) {
      return `The exit date ${exitOn} is before the last service date ${s.lastServiceOn}`;
    }
    return null;
  }

  confirmExit(update: ConfirmExitUpdate): void {
    if (this.applied(update.requestId)) return;
    const problem = this.confirmExitProblem(update);
    if (problem) throw new JourneyRuleViolation(problem);
    this.remember(update.requestId);
    this.cause = { eventId: update.requestId, correlationId: this.context.correlationId };
    const s = this.state;
    const exitOn = this.exitDateFor(update);
    const rules = rulesAtExit(s.enrollments);
    const followUpFrom = followUpStart({ exitOn, followUpFrom: rules.followUpFrom, employmentStartOn: s.employmentStartOn });
    const schedule = followUpSchedule({ exitOn, startsOn: followUpFrom, contactDays: rules.followUpContactDays });
    const programs = s.exitProposal?.programs ?? [...new Set(openEnrollments(s.enrollments).map((e) => e.program))];
    s.exit = {
      exitOn,
      reason: update.reason,
      ...(update.note ? { note: update.note } : {}),
      confirmedBy: update.confirmedBy,
      confirmedAt: this.now.toISOString(),
      followUpFrom,
      followUpEndsOn: schedule.closesOn,
      followUpContactDays: rules.followUpContactDays,
    };
    s.exitProposal = null;
    this.closeTasks((t) => t.kind === 'exit_review', 'done');
    this.closeTasks(() => true, 'obsolete');
    this.publish({
      type: 'journey.exit.confirmed',
      data: {
        participantId: s.participantId,
        exitOn,
        reason: update.reason,
        ...(update.note ? { note: update.note.slice(0, 500) } : {}),
        programs,
        confirmedBy: update.confirmedBy,
        confirmedAt: s.exit.confirmedAt,
        followUpFrom,
        followUpEndsOn: schedule.closesOn,
      },
    });
    this.enter('exited');
    this.enter('follow_up');
  }

  reopenProblem(update: ReopenUpdate): string | null {
    if (this.applied(update.requestId)) return null;
    if (this.state.phase !== 'exited' && this.state.phase !== 'follow_up') return 'Only an exited case in follow-up can be reopened';
    return null;
  }

  reopen(update: ReopenUpdate): void {
    if (this.applied(update.requestId)) return;
    const problem = this.reopenProblem(update);
    if (problem) throw new JourneyRuleViolation(problem);
    this.remember(update.requestId);
    this.cause = { eventId: update.requestId, correlationId: this.context.correlationId };
    const s = this.state;
    this.closeTasks(() => true, 'obsolete');
    s.exit = null;
    s.exitProposal = null;
    s.followUpDone = [];
    s.clocksRestartedOn = this.today;
    this.enter('services');
  }

  /** Fires every deadline due by today (caused by the step's last event, or by the timer). */
  tick(): void {
    if (this.state.phase === 'closed') return;
    if (this.state.exit) this.tickFollowUp();
    else this.tickBeforeExit();
  }

  /** Ends the step: the status event when what the participant list shows changed. */
  end(): StepOutput {
    const s = this.state;
    const signature = this.statusSignature();
    if (s.phase && signature !== this.statusBefore) {
      s.statusRevision += 1;
      const next = this.deadlines()[0] ?? null;
      this.output.events.push({
        eventId: `${this.context.workflowId}:status:${s.statusRevision}`,
        correlationId: this.cause.correlationId,
        causationId: this.cause.eventId,
        occurredAt: this.now.toISOString(),
        type: 'journey.status.changed',
        data: {
          participantId: s.participantId,
          revision: s.statusRevision,
          phase: s.phase,
          lastServiceOn: s.lastServiceOn,
          nextDeadline: next,
          exitProposedOn: s.exitProposal?.exitOn ?? null,
          openTasks: s.openTasks.length,
          changedAt: this.now.toISOString(),
        },
      });
    }
    return this.output;
  }

  /** The next day a deadline falls due without any new event (null: only an event moves the journey). */
  nextWakeOn(): IsoDate | null {
    const s = this.state;
    const days: IsoDate[] = [];
    if (s.phase === 'closed') return null;
    if (s.exit) {
      const schedule = this.followUpSchedule();
      if (schedule) {
        days.push(...schedule.checkpoints.filter((c) => !s.followUpDone.includes(c.key)).map((c) => c.dueOn));
        days.push(compareDates(schedule.closesOn, this.today) > 0 ? schedule.closesOn : addDays(schedule.closesOn, CLOSE_GRACE_DAYS));
      }
    } else {
      const rules = combinedRules(s.enrollments);
      const first = openEnrollments(s.enrollments)[0];
      if (rules && first) {
        if (!s.planSignedAt && !this.hasTask('plan_overdue')) days.push(addDays(first.enrolledOn, rules.planDueDays + rules.planEscalationDays));
        const contactDue = this.task('contact_due');
        if (!contactDue) days.push(addDays(this.contactClock() as IsoDate, rules.contactIntervalDays));
        else if (!this.hasTask('contact_overdue')) days.push(contactDue.dueOn);
      }
      for (const [kind, dueOn] of Object.entries(s.reassessmentDue)) {
        if (!s.openTasks.some((t) => t.key === `reassessment:${kind}`)) days.push(dueOn);
      }
      if (!s.exitProposal) {
        const reviewOn = this.exitEvaluation().reviewOn;
        if (reviewOn) days.push(reviewOn);
      }
    }
    const soonest = earliestDate(days);
    if (!soonest) return null;
    // A deadline not consumed by today's tick would spin the loop: never wake before tomorrow.
    return compareDates(soonest, this.today) > 0 ? soonest : addDays(this.today, 1);
  }

  view(now: Date): JourneyView {
    this.setNow(now);
    const copy = JSON.parse(JSON.stringify(this.state)) as JourneySnapshot;
    return {
      ...copy,
      asOf: now.toISOString(),
      daysSinceLastService: daysSinceLastService(this.state.lastServiceOn, this.today),
      deadlines: this.deadlines(),
    };
  }

  // -------------------------------------------------------------------------------------

  private tickBeforeExit(): void {
    const s = this.state;
    const rules = combinedRules(s.enrollments);
    const first = openEnrollments(s.enrollments)[0];
    if (rules && first && !AFTER_EXIT.includes(s.phase)) {
      if (!s.planSignedAt) {
        const planDueOn = addDays(first.enrolledOn, rules.planDueDays);
        if (!this.hasTask('plan_due')) this.openTask('plan_due', 'plan', 'Agree and sign the employment plan', planDueOn, 'case_manager', first.program);
        const escalateOn = addDays(planDueOn, rules.planEscalationDays);
        if (!this.hasTask('plan_overdue') && compareDates(escalateOn, this.today) <= 0) {
          this.openTask('plan_overdue', 'plan', `Employment plan overdue since ${planDueOn}`, escalateOn, 'supervisor', first.program);
        }
      }
      const contactTaskOn = addDays(this.contactClock() as IsoDate, rules.contactIntervalDays);
      if (!this.hasTask('contact_due') && compareDates(contactTaskOn, this.today) <= 0) {
        this.openTask('contact_due', 'contact', 'Monthly contact with the participant', addDays(contactTaskOn, rules.contactEscalationDays), 'case_manager');
      }
      const contactDue = this.task('contact_due');
      if (contactDue && !this.hasTask('contact_overdue') && compareDates(contactDue.dueOn, this.today) <= 0) {
        this.openTask('contact_overdue', 'contact', `Monthly contact overdue since ${contactDue.dueOn}`, contactDue.dueOn, 'supervisor');
      }
    }
    for (const [kind, dueOn] of Object.entries(s.reassessmentDue)) {
      const key = `reassessment:${kind}`;
      if (compareDates(dueOn, this.today) <= 0 && !s.openTasks.some((t) => t.key === key)) {
        this.openTask('reassessment_due', key, `Reassess (${kind.replace(/[_-]+/g, ' ')})`, dueOn, 'case_manager');
      }
    }
    this.reviewExit();
  }

  /** Proposes the exit when the 90-day rule says so, withdraws a proposal that no longer holds. */
  private reviewExit(): void {
    const s = this.state;
    const evaluation = this.exitEvaluation();
    s.lastServiceOn = evaluation.lastServiceOn;
    if (s.exitProposal && (!evaluation.proposed || evaluation.exitOn !== s.exitProposal.exitOn)) {
      s.exitProposal = null;
      this.closeTasks((t) => t.kind === 'exit_review', 'obsolete');
    }
    if (!s.exitProposal && evaluation.proposed && evaluation.exitOn && s.phase && !AFTER_EXIT.includes(s.phase)) {
      s.exitProposal = {
        exitOn: evaluation.exitOn,
        lastServiceOn: evaluation.lastServiceOn ?? evaluation.exitOn,
        programs: evaluation.programs as ProgramCode[],
        proposedAt: this.now.toISOString(),
      };
      this.publish({
        type: 'journey.exit.proposed',
        data: { participantId: s.participantId, ...s.exitProposal },
      });
      this.openTask(
        'exit_review',
        'exit',
        `Review the proposed exit (no service for ${evaluation.daysSinceClock} days; exit date ${evaluation.exitOn})`,
        addDays(this.today, EXIT_REVIEW_DAYS),
        'case_manager',
      );
    }
  }

  private tickFollowUp(): void {
    const s = this.state;
    const schedule = this.followUpSchedule();
    if (!schedule) return;
    for (const checkpoint of schedule.checkpoints) {
      if (s.followUpDone.includes(checkpoint.key) || compareDates(checkpoint.dueOn, this.today) > 0) continue;
      s.followUpDone.push(checkpoint.key);
      this.openTask(checkpoint.kind, `follow-up:${checkpoint.key}`, checkpoint.label, addDays(checkpoint.dueOn, FOLLOW_UP_TASK_DAYS), 'case_manager');
    }
    const followUpOpen = s.openTasks.some((t) => t.kind === 'follow_up_contact' || t.kind === 'employment_check');
    const closeOn = compareDates(schedule.closesOn, this.today) <= 0;
    if (closeOn && (!followUpOpen || compareDates(addDays(schedule.closesOn, CLOSE_GRACE_DAYS), this.today) <= 0)) {
      this.closeTasks(() => true, 'obsolete');
      this.enter('closed');
    }
  }

  /** WIOA Adult/DW: follow-up counted from the exit for want of a job moves to the first job after exit. */
  private moveFollowUpToEmployment(): void {
    const s = this.state;
    if (!s.exit || !s.employmentStartOn || s.exit.followUpFrom !== s.exit.exitOn) return;
    if (rulesAtExit(s.enrollments).followUpFrom !== 'employment_start' || compareDates(s.employmentStartOn, s.exit.exitOn) <= 0) return;
    s.exit.followUpFrom = s.employmentStartOn;
    // Contacts count again from the job; the quarter checks stay tied to the exit quarter.
    s.followUpDone = s.followUpDone.filter((key) => !key.startsWith('contact-'));
    const schedule = this.followUpSchedule();
    if (schedule) s.exit.followUpEndsOn = schedule.closesOn;
  }

  private followUpSchedule() {
    const exit = this.state.exit;
    if (!exit) return null;
    const contactDays = exit.followUpContactDays ?? rulesAtExit(this.state.enrollments).followUpContactDays;
    return followUpSchedule({ exitOn: exit.exitOn, startsOn: exit.followUpFrom, contactDays });
  }

  private exitEvaluation() {
    const s = this.state;
    return evaluateExit({ services: s.services, enrollments: s.enrollments, today: this.today, restartedOn: s.clocksRestartedOn ?? null });
  }

  private contactClock(): IsoDate | null {
    return contactClockFrom(this.state.enrollments, this.state.lastContactOn, this.state.clocksRestartedOn ?? null);
  }

  private deadlines() {
    const s = this.state;
    const exit = s.exit
      ? { exitOn: s.exit.exitOn, followUpFrom: s.exit.followUpFrom, contactDays: s.exit.followUpContactDays ?? rulesAtExit(s.enrollments).followUpContactDays }
      : null;
    return journeyDeadlines({
      today: this.today,
      enrollments: s.enrollments,
      services: s.services,
      planSigned: s.planSignedAt !== null,
      lastContactOn: s.lastContactOn,
      reassessmentDue: s.phase === 'closed' ? {} : s.reassessmentDue,
      exitProposed: s.exitProposal !== null,
      exitReviewDueOn: this.task('exit_review')?.dueOn ?? null,
      exit: s.phase === 'closed' ? null : exit,
      followUpDone: s.followUpDone,
      restartedOn: s.clocksRestartedOn ?? null,
    }).filter(() => s.phase !== 'closed');
  }

  private exitDateFor(update: ConfirmExitUpdate): IsoDate {
    const s = this.state;
    return update.exitOn ?? s.exitProposal?.exitOn ?? s.lastServiceOn ?? this.today;
  }

  private statusSignature(): string {
    const s = this.state;
    return JSON.stringify([s.phase, s.lastServiceOn, this.deadlines()[0] ?? null, s.exitProposal?.exitOn ?? null, s.openTasks.length]);
  }

  /** Moves forward to `phase` (never back: a late event of an earlier phase changes nothing). */
  private advance(phase: JourneyPhase): void {
    const current = this.state.phase;
    if (AFTER_EXIT.includes(current) && current !== null) return;
    if (current === null || PRE_EXIT_ORDER.indexOf(phase) > PRE_EXIT_ORDER.indexOf(current)) this.enter(phase);
  }

  private enter(phase: JourneyPhase): void {
    const s = this.state;
    const previousPhase = s.phase ?? undefined;
    s.sequence += 1;
    s.phase = phase;
    const at = this.now.toISOString();
    s.history.push({ sequence: s.sequence, phase, at, cause: this.cause.eventId });
    this.output.phaseChanges.push({
      eventId: `${this.context.workflowId}:phase:${s.sequence}`,
      correlationId: this.cause.correlationId,
      causationId: this.cause.eventId,
      participantId: s.participantId,
      workflowId: this.context.workflowId,
      phase,
      ...(previousPhase ? { previousPhase } : {}),
      sequence: s.sequence,
      changedAt: at,
    });
  }

  private openTask(kind: JourneyTaskKind, key: string, title: string, dueOn: IsoDate, audience: TaskAudience, program?: string): void {
    const s = this.state;
    s.taskCounter += 1;
    const task: JourneyTask = {
      taskId: `${this.context.workflowId}:task:${s.taskCounter}`,
      kind,
      title: title.slice(0, 200),
      dueOn,
      audience,
      ...(program ? { program } : {}),
      openedAt: this.now.toISOString(),
      key,
    };
    s.openTasks.push(task);
    const { key: _key, ...data } = task;
    this.publish({ type: 'journey.task.opened', data: { participantId: s.participantId, ...data } });
  }

  private closeTasks(which: (task: JourneyTask) => boolean, resolution: 'done' | 'obsolete'): void {
    const s = this.state;
    const closing = s.openTasks.filter(which);
    if (closing.length === 0) return;
    s.openTasks = s.openTasks.filter((t) => !closing.includes(t));
    for (const task of closing) {
      this.publish({
        type: 'journey.task.closed',
        data: { participantId: s.participantId, taskId: task.taskId, resolution, closedAt: this.now.toISOString() },
      });
    }
  }

  private publish(event: Pick<JourneyEventInput, 'type' | 'data'>): void {
    this.state.eventCounter += 1;
    this.output.events.push({
      ...event,
      eventId: `${this.context.workflowId}:event:${this.state.eventCounter}`,
      correlationId: this.cause.correlationId,
      causationId: this.cause.eventId,
      occurredAt: this.now.toISOString(),
    } as JourneyEventInput);
  }

  private task(kind: JourneyTaskKind): JourneyTask | undefined {
    return this.state.openTasks.find((t) => t.kind === kind);
  }

  private hasTask(kind: JourneyTaskKind): boolean {
    return this.task(kind) !== undefined;
  }

  private remember(id: string): void {
    const ids = this.state.appliedEventIds;
    ids.push(id);
    if (ids.length > APPLIED_IDS_KEPT) ids.splice(0, ids.length - APPLIED_IDS_KEPT);
  }

  private setNow(now: Date): void {
    this.now = now;
    this.today = isoDateOf(now);
  }

  private timerCause(): Cause {
    return { eventId: `${this.context.workflowId}:timer`, correlationId: this.context.correlationId };
  }
}
