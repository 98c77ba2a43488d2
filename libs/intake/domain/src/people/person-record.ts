import type { RegisterParticipantRequest } from '@waypoint/contracts';
import { matchKeys, orderFreeNameKey } from '../duplicates/match-keys';
import { registerParticipant, type Participant } from '../participant';

/** AES-256-GCM output, base64 parts, with the id of the key that encrypted it (keys rotate). */
export interface EncryptedText {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

/**
 * What is kept of an SSN: the number encrypted (so it can be re-hashed when a date of
 * birth is corrected, or disclosed by a future audited process), and two keyed hashes:
 * last four + date of birth (the duplicate match key) and the whole number (exact match).
 * Neither hash is an identifier of the person; the participant id is.
 */
export interface ProtectedSsn {
  encrypted: EncryptedText;
  last4DobHash: string;
  hash: string;
}

/** The worker's confirmation that the person is not one of the likely duplicates shown. */
export interface DuplicateReviewRecord {
  confirmedBy: string;
  confirmedAt: Date;
  reviewedCandidateIds: string[];
  note?: string;
}

/** The stored person: the participant plus what finding them again and auditing need. */
export interface PersonRecord extends Participant {
  /** 1 at registration, +1 per update: optimistic concurrency. */
  version: number;
  /** Name + date of birth keys (see MatchKeys.nameDob). */
  nameDobKeys: string[];
  /** Folded name words, sorted: finds the same name with another date of birth. */
  nameKeyOrderFree: string;
  ssn?: ProtectedSsn;
  duplicateReview?: DuplicateReviewRecord;
  registeredInSessionId?: string;
}

/** The indexed search keys that depend on name and date of birth. */
export function nameSearchKeys(p: Pick<Participant, 'firstName' | 'lastName' | 'dateOfBirth'>): {
  nameDobKeys: string[];
  nameKeyOrderFree: string;
} {
  const keys = matchKeys({ firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth }, () => '');
  // Without an SSN matchKeys cannot fail.
  return { nameDobKeys: keys.ok ? keys.keys.nameDob : [], nameKeyOrderFree: orderFreeNameKey(p.firstName, p.lastName) };
}

/** Creates the person record from validated registration answers. */
export function registerPerson(
  input: RegisterParticipantRequest,
  ctx: { id: string; registeredBy: string; now: Date; sessionId?: string },
  ssn?: ProtectedSsn,
): PersonRecord {
  const participant = registerParticipant(input, ctx);
  const review = input.duplicateReview;
  return {
    ...participant,
    version: 1,
    ...nameSearchKeys(participant),
    ...(ssn ? { ssn } : {}),
    ...(review
      ? {
          duplicateReview: {
            confirmedBy: ctx.registeredBy,
            confirmedAt: ctx.now,
            reviewedCandidateIds: [...new Set(review.reviewedCandidateIds)],
            ...(review.note ? { note: review.note } : {}),
          },
        }
      : {}),
    ...(ctx.sessionId ? { registeredInSessionId: ctx.sessionId } : {}),
  };
}
