import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ContactType,
  ExitReason,
  JourneyDeadline,
  JourneyPhase,
  JourneyRules,
  JourneyTaskKind,
  ProgramCode,
  ServiceCategory,
  ServiceStatus,
  TaskAudience,
} from '@waypoint/contracts';

/** Task queue the journey worker polls. */
export const JOURNEY_TASK_QUEUE = 'journey';

export const journeyWorkflowId = (participantId: string): string => `journey-${participantId}`;

export interface JourneyInput {
  participantId: string;
  /** Carried from the event that started the journey into every event the journey emits. */
  correlationId: string;
  /** Set by continue-as-new: the journey so far, carried into the new run. */
  carried?: JourneySnapshot;
  /** Set by continue-as-new: signals received but not yet applied, in arrival order. */
  pending?: JourneyMessage[];
  /** Continue-as-new once the history holds this many events (default 2,000; tests set it low). */
  historyLimit?: number;
}

// ---------------------------------------------------------------------------------------
// Signals: one per domain event the bridge forwards. Every one carries the event's id
// (`eventId`), so a redelivered event changes nothing, and its correlation id.
// ---------------------------------------------------------------------------------------

interface FromEvent {
  eventId: string;
  correlationId: string;
}

/** intake.participant.registered */
export interface ParticipantRegisteredSignal extends FromEvent {
  office: string;
  programsOfInterest: ProgramCode[];
  registeredAt: string;
}

/** intake.participant.enrolled: starts the plan-due and monthly-contact clocks. */
export interface EnrolledSignal extends FromEvent {
  enrollmentId: string;
  program: ProgramCode;
  enrolledOn: string;
  /** The program's deadlines (defaults when the event carried none). */
  rules: JourneyRules;
}

/** intake.participant.exited_program: one enrollment closed by staff in intake. */
export interface ProgramExitedSignal extends FromEvent {
  enrollmentId: string;
  program: ProgramCode;
  exitedOn: string;
}

/** intake.assessment.completed */
export interface AssessmentCompletedSignal extends FromEvent {
  assessmentId: string;
  kind: string;
  completedAt: string;
  reassessmentDueOn: string;
}

/** planning.plan.activated: the participant acknowledged a plan version. */
export interface PlanSignedSignal extends FromEvent {
  planId: string;
  planVersion: number;
  signedAt: string;
}

/** planning.service.recorded (and, mapped by the bridge, training started/ended). */
export interface ServiceRecordedSignal extends FromEvent {
  serviceId: string;
  program: ProgramCode;
  category: ServiceCategory;
  service: string;
  status: ServiceStatus;
  startOn: string;
  endOn?: string;
}

/** training.enrollment.started */
export interface TrainingEnrolledSignal extends FromEvent {
  trainingEnrollmentId: string;
  program: ProgramCode;
  course: string;
  startOn: string;
  expectedEndOn?: string;
}

/** training.enrollment.ended */
export interface TrainingCompletedSignal extends FromEvent {
  trainingEnrollmentId: string;
  endOn: string;
  outcome: 'completed' | 'withdrawn';
}

/** training.credential.earned */
export interface CredentialEarnedSignal extends FromEvent {
  credentialId: string;
  name: string;
  earnedOn: string;
}

/** matching.placement.recorded */
export interface PlacedSignal extends FromEvent {
  placementId: string;
  employer: string;
  startOn: string;
  unsubsidized: boolean;
}

/** planning.contact.recorded (case management) or followup.contact.recorded (after exit). */
export interface ContactRecordedSignal extends FromEvent {
  contactId: string;
  contactType: ContactType;
  contactOn: string;
  followUp: boolean;
}

export const participantRegisteredSignal = defineSignal<[ParticipantRegisteredSignal]>('participantRegistered');
export const enrolledSignal = defineSignal<[EnrolledSignal]>('enrolled');
export const programExitedSignal = defineSignal<[ProgramExitedSignal]>('programExited');
export const assessmentCompletedSignal = defineSignal<[AssessmentCompletedSignal]>('assessmentCompleted');
export const planSignedSignal = defineSignal<[PlanSignedSignal]>('planSigned');
export const serviceRecordedSignal = defineSignal<[ServiceRecordedSignal]>('serviceRecorded');
export const trainingEnrolledSignal = defineSignal<[TrainingEnrolledSignal]>('trainingEnrolled');
export const trainingCompletedSignal = defineSignal<[TrainingCompletedSignal]>('trainingCompleted');
export const credentialEarnedSignal = defineSignal<[CredentialEarnedSignal]>('credentialEarned');
export const placedSignal = defineSignal<[PlacedSignal]>('placed');
export const contactRecordedSignal = defineSignal<[ContactRecordedSignal]>('contactRecorded');

/** A received signal, by its name on the wire (what continue-as-new carries when not yet applied). */
export type JourneyMessage =
  | { signal: 'participantRegistered'; payload: ParticipantRegisteredSignal }
  | { signal: 'enrolled'; payload: EnrolledSignal }
  | { signal: 'programExited'; payload: ProgramExitedSignal }
  | { signal: 'assessmentCompleted'; payload: AssessmentCompletedSignal }
  | { signal: 'planSigned'; payload: PlanSignedSignal }
  | { signal: 'serviceRecorded'; payload: ServiceRecordedSignal }
  | { signal: 'trainingEnrolled'; payload: TrainingEnrolledSignal }
  | { signal: 'trainingCompleted'; payload: TrainingCompletedSignal }
  | { signal: 'credentialEarned'; payload: CredentialEarnedSignal }
  | { signal: 'placed'; payload: PlacedSignal }
  | { signal: 'contactRecorded'; payload: ContactRecordedSignal };

// ---------------------------------------------------------------------------------------
// Updates: staff actions through the gateway, validated (a rejected update writes nothing
// to the history) and answered synchronously with the new state.
// ---------------------------------------------------------------------------------------

export interface ConfirmExitUpdate {
  /** Defaults to the proposed exit date (the last service date). */
  exitOn?: string;
  reason: ExitReason;
  note?: string;
  /** Staff username (the gateway sets it from the signed-in user). */
  confirmedBy: string;
  /** Idempotency: the same request id confirms once. */
  requestId: string;
}

export interface ReopenUpdate {
  reason: string;
  reopenedBy: string;
  requestId: string;
}

/** Confirm the proposed exit (or an early exit for a performance exclusion: incarcerated, health, deceased, reserve call-up). */
export const confirmExitUpdate = defineUpdate<JourneyView, [ConfirmExitUpdate]>('confirmExit');
/** Reopen an exited case: back to services, the exit clock restarts. */
export const reopenUpdate = defineUpdate<JourneyView, [ReopenUpdate]>('reopen');

// ---------------------------------------------------------------------------------------
// State and queries
// ---------------------------------------------------------------------------------------

export interface JourneyHistoryEntry {
  sequence: number;
  phase: JourneyPhase;
  at: string;
  /** Id of the event (or update request) that caused the change. */
  cause: string;
}

export interface JourneyEnrollment {
  enrollmentId: string;
  program: ProgramCode;
  enrolledOn: string;
  rules: JourneyRules;
  exitedOn?: string;
}

export interface JourneyService {
  serviceId: string;
  program: ProgramCode;
  category: ServiceCategory;
  service: string;
  status: ServiceStatus;
  startOn: string;
  endOn?: string;
}

export interface JourneyTask {
  taskId: string;
  kind: JourneyTaskKind;
  title: string;
  dueOn: string;
  audience: TaskAudience;
  program?: string;
  openedAt: string;
  /** What the task is about, e.g. "plan", "contact", "reassessment:job_readiness", "follow-up:q2". */
  key?: string;
}

export interface ExitProposal {
  exitOn: string;
  lastServiceOn: string;
  programs: ProgramCode[];
  proposedAt: string;
}

export interface ConfirmedExit {
  exitOn: string;
  reason: ExitReason;
  note?: string;
  confirmedBy: string;
  confirmedAt: string;
  followUpFrom: string;
  followUpEndsOn: string;
  /** Follow-up contact days of the programs at exit (the schedule keeps them if an enrollment changes later). */
  followUpContactDays?: number[];
}

/** Everything the journey holds; carried whole across continue-as-new. */
export interface JourneySnapshot {
  participantId: string;
  phase: JourneyPhase | null;
  sequence: number;
  office?: string;
  programsOfInterest: ProgramCode[];
  /** Recent event and request ids already applied (bounded): a redelivered one changes nothing. */
  appliedEventIds: string[];
  history: JourneyHistoryEntry[];
  enrollments: JourneyEnrollment[];
  services: JourneyService[];
  /** Last participant-level service date (services that count toward exit only). */
  lastServiceOn: string | null;
  lastContactOn: string | null;
  planSignedAt: string | null;
  /** Reassessment due date per assessment kind. */
  reassessmentDue: Record<string, string>;
  /** First day of the latest unsubsidized job. */
  employmentStartOn: string | null;
  credentials: { credentialId: string; name: string; earnedOn: string }[];
  openTasks: JourneyTask[];
  /** Ids of every task opened so far in this journey (a task id is never reopened). */
  taskCounter: number;
  exitProposal: ExitProposal | null;
  exit: ConfirmedExit | null;
  /** Follow-up checkpoints already handled (by key, e.g. "contact-30", "q2"). */
  followUpDone: string[];
  /** Revision of the last journey.status.changed published. */
  statusRevision: number;
  /** Counter for other published events (exit proposed/confirmed). */
  eventCounter: number;
  /** The day a reopened case restarted its exit and contact clocks. */
  clocksRestartedOn?: string;
}

/** What the gateway and staff-web read: the snapshot plus what it implies today. */
export interface JourneyView extends JourneySnapshot {
  /** Workflow time when the view was taken. */
  asOf: string;
  /** Days since the last participant-level service (as of `asOf`), null without one. */
  daysSinceLastService: number | null;
  /** Coming deadlines, soonest first. */
  deadlines: JourneyDeadline[];
}

export const journeyStateQuery = defineQuery<JourneyView>('journeyState');

/** Workflow type name, as exported from ./workflows.ts. */
export const JOURNEY_WORKFLOW_TYPE = 'participantJourney';
