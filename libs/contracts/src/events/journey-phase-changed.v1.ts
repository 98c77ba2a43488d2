import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { JOURNEY_PHASES } from '../participant';

export const journeyPhaseChangedV1 = defineEvent(
  'journey.phase.changed',
  1,
  Topics.journey,
  z.object({
    participantId: z.string().min(1),
    workflowId: z.string().min(1),
    phase: z.enum(JOURNEY_PHASES),
    previousPhase: z.enum(JOURNEY_PHASES).optional(),
    /** Monotonic per journey: a projection applies a change only if it is newer than what it holds. */
    sequence: z.number().int().positive(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
);
export type JourneyPhaseChangedV1 = z.infer<typeof journeyPhaseChangedV1.data>;
