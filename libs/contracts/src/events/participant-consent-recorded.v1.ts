import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { CONSENT_SCOPES } from '../participant';

/** A consent / release of information was signed: which partner may see what, until when. */
export const participantConsentRecordedV1 = defineEvent(
  'intake.consent.recorded',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    consentId: z.string().min(1),
    partner: z.string(),
    scopes: z.array(z.enum(CONSENT_SCOPES)).min(1),
    grantedOn: z.iso.date(),
    expiresOn: z.iso.date(),
    recordedBy: z.string(),
  }),
);
export type ParticipantConsentRecordedV1 = z.infer<typeof participantConsentRecordedV1.data>;
