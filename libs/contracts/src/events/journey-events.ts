import { z } from 'zod/v4';
import { defineEvent, type EventContract } from '../envelope';
import { EXIT_REASONS } from '../api/programs';
import { JOURNEY_PHASES } from '../participant';
import { journeyDeadlineSchema, JOURNEY_TASK_KINDS, TASK_AUDIENCES } from '../journey';
import { Topics } from '../topics';
import { journeyPhaseChangedV1 } from './journey-phase-changed.v1';

export * from './journey-phase-changed.v1';

// What the journey workflow publishes besides its phase changes. Ids are chosen by the
// workflow (`<workflowId>:<what>:<n>`), so a retried activity publishes the same event again
// and consumers drop the copy.

const id = z.string().min(1);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A task or reminder for staff. Planning owns tasks: it creates this one (`taskId` is the
 * key, so a repeat changes nothing) and lists it in the case manager's or supervisor's work.
 */
export const journeyTaskOpenedV1 = defineEvent(
  'journey.task.opened',
  1,
  Topics.journey,
  z.object({
    participantId: id,
    taskId: id,
    kind: z.enum(JOURNEY_TASK_KINDS),
    title: z.string().min(1).max(200),
    dueOn: isoDate,
    audience: z.enum(TASK_AUDIENCES),
    program: z.string().optional(),
    openedAt: isoDateTime,
  }),
);
export type JourneyTaskOpenedV1 = z.infer<typeof journeyTaskOpenedV1.data>;

/** The journey closed a task it opened: done (what it asked for happened) or no longer needed. */
export const journeyTaskClosedV1 = defineEvent(
  'journey.task.closed',
  1,
  Topics.journey,
  z.object({
    participantId: id,
    taskId: id,
    resolution: z.enum(['done', 'obsolete']),
    closedAt: isoDateTime,
  }),
);
export type JourneyTaskClosedV1 = z.infer<typeof journeyTaskClosedV1.data>;

/** 90 days without a participant-level service and none scheduled: exit proposed for staff to confirm. */
export const journeyExitProposedV1 = defineEvent(
  'journey.exit.proposed',
  1,
  Topics.journey,
  z.object({
    participantId: id,
    /** The exit date: the last service date (PIRL 901). */
    exitOn: isoDate,
    lastServiceOn: isoDate,
    programs: z.array(z.string().min(1)),
    proposedAt: isoDateTime,
  }),
);
export type JourneyExitProposedV1 = z.infer<typeof journeyExitProposedV1.data>;

/** Staff confirmed the exit (common exit: every open enrollment exits on the same date). */
export const journeyExitConfirmedV1 = defineEvent(
  'journey.exit.confirmed',
  1,
  Topics.journey,
  z.object({
    participantId: id,
    exitOn: isoDate,
    reason: z.enum(EXIT_REASONS),
    note: z.string().max(500).optional(),
    programs: z.array(z.string().min(1)),
    confirmedBy: id,
    confirmedAt: isoDateTime,
    /** Follow-up runs from this date to `followUpEndsOn`. */
    followUpFrom: isoDate,
    followUpEndsOn: isoDate,
  }),
);
export type JourneyExitConfirmedV1 = z.infer<typeof journeyExitConfirmedV1.data>;

/**
 * What the participant list shows of the journey: phase, last service date, next deadline.
 * Published when any of them changes; `revision` rises with each one (apply only newer).
 */
export const journeyStatusChangedV1 = defineEvent(
  'journey.status.changed',
  1,
  Topics.journey,
  z.object({
    participantId: id,
    revision: z.number().int().positive(),
    phase: z.enum(JOURNEY_PHASES),
    lastServiceOn: isoDate.nullable(),
    nextDeadline: journeyDeadlineSchema.nullable(),
    exitProposedOn: isoDate.nullable(),
    openTasks: z.number().int().nonnegative(),
    changedAt: isoDateTime,
  }),
);
export type JourneyStatusChangedV1 = z.infer<typeof journeyStatusChangedV1.data>;

export const JOURNEY_EVENTS: readonly EventContract[] = [
  journeyPhaseChangedV1,
  journeyTaskOpenedV1,
  journeyTaskClosedV1,
  journeyExitProposedV1,
  journeyExitConfirmedV1,
  journeyStatusChangedV1,
];
