import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { programCodeSchema } from '../programs';

/** Fields of the person whose change is announced. Contact details are named, never given. */
export const PARTICIPANT_UPDATABLE_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'email',
  'phone',
  'address',
  'office',
  'programsOfInterest',
] as const;

/**
 * A person's record changed. `changedFields` lists every field that changed; `changes`
 * carries the new values of the non-sensitive ones (names, date of birth, office,
 * programs of interest: the fields the registered event already carries). Contact details
 * (e-mail, phone, address) are only named: a consumer that needs them asks intake.
 */
export const participantUpdatedV1 = defineEvent(
  'intake.participant.updated',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    /** The record's version after this change (1 at registration). */
    version: z.number().int().min(2),
    changedFields: z.array(z.enum(PARTICIPANT_UPDATABLE_FIELDS)).min(1),
    changes: z.object({
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      dateOfBirth: z.iso.date().optional(),
      office: z.string().optional(),
      programsOfInterest: z.array(programCodeSchema).optional(),
    }),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: z.string(),
  }),
);
export type ParticipantUpdatedV1 = z.infer<typeof participantUpdatedV1.data>;
