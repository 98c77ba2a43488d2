import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';

/** A consent was revoked: the partner may no longer see the participant's information. */
export const participantConsentRevokedV1 = defineEvent(
  'intake.consent.revoked',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    consentId: z.string().min(1),
    partner: z.string(),
    revokedAt: z.iso.datetime({ offset: true }),
    revokedBy: z.string(),
  }),
);
export type ParticipantConsentRevokedV1 = z.infer<typeof participantConsentRevokedV1.data>;
