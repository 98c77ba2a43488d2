// The participant journey as staff see it through the gateway: who may read it and act on
// it, the request bodies of the staff actions (zod, validated by the gateway, documented in
// OpenAPI) and the answers (plain types). The journey workflow owns the rules; these shapes
// are the API's, mapped from the workflow's state by the gateway.
import { z } from 'zod/v4';
import type { StaffRoleName } from './access';
import { EXIT_REASONS, type ExitReason } from './programs';
import type { JourneyExitConfirmedV1, JourneyExitProposedV1, JourneyTaskOpenedV1 } from '../events/journey-events';
import type { JourneyDeadline } from '../journey';
import type { JourneyPhase } from '../participant';
import type { ProgramCode } from '../programs';

export const JourneyAccess = {
  /** The journey state (phase, deadlines, tasks, history): every staff role that reads people. */
  read: ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'],
  /** Confirm an exit (proposed, or early for a performance exclusion) and reopen an exited case. */
  act: ['case_manager', 'supervisor'],
} as const satisfies Record<string, readonly StaffRoleName[]>;

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');

/** POST /participants/:id/journey/exit-confirmation */
export const confirmExitRequestSchema = z
  .object({
    reason: z.enum(EXIT_REASONS, { message: `Choose one of: ${EXIT_REASONS.join(', ')}` }),
    /** Defaults to the proposed exit date (the last service date). */
    exitOn: isoDate.optional(),
    note: z.string().trim().max(500, 'At most 500 characters').optional(),
  })
  .strict();
export type ConfirmExitRequest = z.infer<typeof confirmExitRequestSchema>;

/** POST /participants/:id/journey/reopen */
export const reopenJourneyRequestSchema = z
  .object({
    reason: z.string().trim().min(1, 'Say why the case reopens').max(500, 'At most 500 characters'),
  })
  .strict();
export type ReopenJourneyRequest = z.infer<typeof reopenJourneyRequestSchema>;

/** Exit reasons that are performance exclusions: staff may confirm them early, without a proposal. */
export const PERFORMANCE_EXCLUSION_REASONS: readonly ExitReason[] = ['incarcerated', 'health', 'deceased', 'reserve_call_up'];

export interface JourneyHistoryView {
  sequence: number;
  phase: JourneyPhase;
  at: string;
}

/** An open journey task: as journey.task.opened announced it. */
export type JourneyTaskView = Omit<JourneyTaskOpenedV1, 'participantId'>;

export interface JourneyEnrollmentView {
  enrollmentId: string;
  program: ProgramCode;
  enrolledOn: string;
  exitedOn?: string;
}

/** The exit the 90-day rule proposed: as journey.exit.proposed announced it. */
export type JourneyExitProposalView = Omit<JourneyExitProposedV1, 'participantId'>;

/** The confirmed exit and its follow-up window: as journey.exit.confirmed announced it. */
export type JourneyExitView = Omit<JourneyExitConfirmedV1, 'participantId' | 'programs'>;

/** GET /participants/:id/journey (200): the live journey, read from the workflow. */
export interface JourneyStateView {
  live: true;
  participantId: string;
  workflowId: string;
  phase: JourneyPhase | null;
  /** The real date the figures below were computed for (YYYY-MM-DD, UTC). */
  asOf: string;
  lastServiceOn: string | null;
  /** Days from the last participant-level service to `asOf`; null without one. */
  daysSinceLastService: number | null;
  lastContactOn: string | null;
  planSignedAt: string | null;
  employmentStartOn: string | null;
  /** Coming deadlines, soonest first. */
  deadlines: JourneyDeadline[];
  openTasks: JourneyTaskView[];
  /** Phases in the order they happened. */
  history: JourneyHistoryView[];
  enrollments: JourneyEnrollmentView[];
  exitProposal: JourneyExitProposalView | null;
  exit: JourneyExitView | null;
}

/** GET /participants/:id/journey (404): no journey for this person yet (it starts within seconds of registration). */
export interface JourneyNotStartedBody {
  statusCode: 404;
  live: false;
  participantId: string;
  workflowId: string;
  reason: string;
}

/** Phases from which a case may be reopened (back to services). */
export const REOPENABLE_PHASES: readonly JourneyPhase[] = ['exited', 'follow_up'];

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC calendar dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days since the last participant-level service as of `today` (YYYY-MM-DD); null without one. */
export function daysSinceLastService(lastServiceOn: string | null | undefined, today: string): number | null {
  return lastServiceOn ? Math.max(0, daysBetween(lastServiceOn, today)) : null;
}

/** Today's UTC calendar date (YYYY-MM-DD). */
export const utcToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whether any of `roles` may confirm an exit or reopen a case (JourneyAccess.act). */
export function canActOnJourney(roles: readonly string[]): boolean {
  return roles.some((r) => (JourneyAccess.act as readonly string[]).includes(r));
}

/** A deadline (or task) is overdue once its day has passed: due today is not yet overdue. */
export function isOverdue(dueOn: string, today: string): boolean {
  return dueOn < today;
}
