import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { programCodeSchema } from '../programs';
import { JourneyRulesSchema } from '../journey';
import { Topics } from '../topics';

/** A participant was enrolled in a program (after an eligible, unexpired determination). */
export const participantEnrolledV1 = defineEvent(
  'intake.participant.enrolled',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    enrollmentId: z.string().min(1),
    program: programCodeSchema,
    enrolledOn: z.iso.date(),
    determinationId: z.string().min(1),
    office: z.string().optional(),
    /** The program's journey deadlines at enrollment (absent from events older than them: defaults apply). */
    journeyRules: JourneyRulesSchema.optional(),
  }),
);
export type ParticipantEnrolledV1 = z.infer<typeof participantEnrolledV1.data>;
