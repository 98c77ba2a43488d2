import type { EventContract } from '../envelope';
import { participantConsentRecordedV1 } from './participant-consent-recorded.v1';
import { participantConsentRevokedV1 } from './participant-consent-revoked.v1';
import { participantUpdatedV1 } from './participant-updated.v1';

export * from './participant-updated.v1';
export * from './participant-consent-recorded.v1';
export * from './participant-consent-revoked.v1';

/**
 * Person events beyond registration: updated, consent recorded / revoked. (Registration in
 * a group intake session is `intake.participant.registered` with its `sessionId`.)
 */
export const PEOPLE_EVENTS: readonly EventContract[] = [
  participantUpdatedV1,
  participantConsentRecordedV1,
  participantConsentRevokedV1,
];
