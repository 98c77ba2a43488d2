import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { programCodeSchema } from '../programs';

export const participantRegisteredV1 = defineEvent(
  'intake.participant.registered',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.iso.date(),
    office: z.string(),
    programsOfInterest: z.array(programCodeSchema),
    registeredAt: z.iso.datetime({ offset: true }),
    registeredBy: z.string(),
    /** The group intake session the person was registered in (added in place: optional). */
    sessionId: z.string().optional(),
  }),
);
export type ParticipantRegisteredV1 = z.infer<typeof participantRegisteredV1.data>;
