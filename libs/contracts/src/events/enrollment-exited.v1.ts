import { z } from 'zod/v4';
import { EXIT_REASONS } from '../api/programs';
import { defineEvent } from '../envelope';
import { programCodeSchema } from '../programs';
import { Topics } from '../topics';

/** A participant's enrollment in one program was closed (the other programs stay open). */
export const participantExitedProgramV1 = defineEvent(
  'intake.participant.exited_program',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    enrollmentId: z.string().min(1),
    program: programCodeSchema,
    exitedOn: z.iso.date(),
    reason: z.enum(EXIT_REASONS),
  }),
);
export type ParticipantExitedProgramV1 = z.infer<typeof participantExitedProgramV1.data>;
