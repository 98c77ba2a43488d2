import { daysSinceLastService, utcToday, type ConsentView, type DuplicateCandidate, type ParticipantDetail, type ParticipantSummary } from '@waypoint/contracts';
import { consentStatus, type Consent, type DuplicateSubject, type PersonRecord, type RankedDuplicate } from '@waypoint/intake-domain';
import type { ParticipantDocument } from './participant.schema';

type NewDocument = Omit<ParticipantDocument, 'outbox' | 'outboxPending' | 'outboxSeq'>;

export function toPersistence(p: PersonRecord): NewDocument {
  const { id, ...rest } = p;
  return {
    _id: id,
    ...rest,
    journeyPhase: null,
    journeySequence: 0,
    intakeSessions: p.registeredInSessionId
      ? [{ sessionId: p.registeredInSessionId, how: 'registered', at: p.registeredAt, by: p.registeredBy }]
      : [],
    consents: [],
  };
}

type SummaryFields = '_id' | 'firstName' | 'lastName' | 'dateOfBirth' | 'office' | 'programsOfInterest' | 'journeyPhase' | 'journeyStatus' | 'registeredAt';

/** The list row; `daysSinceLastService` counts to the day of the read (UTC), never stored. */
export function toSummary(doc: Pick<ParticipantDocument, SummaryFields>): ParticipantSummary {
  const today = utcToday();
  const status = doc.journeyStatus;
  return {
    id: doc._id,
    firstName: doc.firstName,
    lastName: doc.lastName,
    dateOfBirth: doc.dateOfBirth,
    office: doc.office,
    programsOfInterest: doc.programsOfInterest,
    phase: doc.journeyPhase ?? null,
    registeredAt: new Date(doc.registeredAt).toISOString(),
    lastServiceOn: status?.lastServiceOn ?? null,
    daysSinceLastService: daysSinceLastService(status?.lastServiceOn, today),
    nextDeadline: status?.nextDeadline ?? null,
    exitProposedOn: status?.exitProposedOn ?? null,
    openTasks: status?.openTasks ?? 0,
  };
}

/**
 * The record as a reader sees it. `ssnLast4` is given only for roles that may see it
 * (the caller decides, from IntakeAccess.readSsnLast4); otherwise no SSN field at all.
 * Consents, hashes and ciphertext never leave through here.
 */
export function toDetail(doc: ParticipantDocument, view: { ssnLast4?: string | null } = {}): ParticipantDetail {
  const review = doc.duplicateReview;
  return {
    ...toSummary(doc),
    ...(doc.email ? { email: doc.email } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
    ...(doc.address ? { address: doc.address } : {}),
    registeredBy: doc.registeredBy,
    version: doc.version ?? 1,
    ...(view.ssnLast4 !== undefined
      ? {
          hasSsn: view.ssnLast4 !== null,
          ...(view.ssnLast4 !== null ? { ssnLast4: view.ssnLast4, ssnMasked: `***-**-${view.ssnLast4}` } : {}),
        }
      : {}),
    ...(review
      ? {
          duplicateReview: {
            confirmedBy: review.confirmedBy,
            confirmedAt: new Date(review.confirmedAt).toISOString(),
            reviewedCandidateIds: review.reviewedCandidateIds,
            ...(review.note ? { note: review.note } : {}),
          },
        }
      : {}),
    ...(doc.registeredInSessionId ? { registeredInSessionId: doc.registeredInSessionId } : {}),
  };
}

export function toCandidate(ranked: RankedDuplicate<{ doc: ParticipantDocument } & DuplicateSubject>): DuplicateCandidate {
  return {
    participant: toSummary(ranked.candidate.doc),
    score: ranked.score,
    level: ranked.level as DuplicateCandidate['level'],
    reasons: ranked.reasons.map((r) => ({ rule: r.rule, detail: r.detail, weight: r.weight })),
  };
}

/** A stored person as the duplicate scorer sees it (the SSN only as its match hash). */
export function toSubject(doc: ParticipantDocument): { doc: ParticipantDocument } & DuplicateSubject {
  return {
    doc,
    firstName: doc.firstName,
    lastName: doc.lastName,
    dateOfBirth: doc.dateOfBirth,
    ...(doc.ssn?.last4DobHash ? { ssnLast4Dob: doc.ssn.last4DobHash } : {}),
    ...(doc.ssn?.hash ? { ssnHash: doc.ssn.hash } : {}),
    ...(doc.email ? { email: doc.email } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
  };
}

export function toConsentView(participantId: string, c: Consent, today: string): ConsentView {
  return {
    id: c.id,
    participantId,
    partner: c.partner,
    purpose: c.purpose,
    scopes: c.scopes,
    grantedOn: c.grantedOn,
    expiresOn: c.expiresOn,
    signedBy: c.signedBy,
    ...(c.documentRef ? { documentRef: c.documentRef } : {}),
    recordedBy: c.recordedBy,
    recordedAt: new Date(c.recordedAt).toISOString(),
    ...(c.revoked ? { revoked: { at: new Date(c.revoked.at).toISOString(), by: c.revoked.by, reason: c.revoked.reason } } : {}),
    status: consentStatus(c, today),
  };
}

/** The person record held in a stored document (without projection, consents, links or outbox). */
export function toRecord(doc: ParticipantDocument): PersonRecord {
  const {
    _id,
    journeyPhase: _phase,
    journeySequence: _sequence,
    journeyUpdatedAt: _updated,
    journeyStatus: _status,
    intakeSessions: _sessions,
    consents: _consents,
    outbox: _outbox,
    outboxPending: _pending,
    outboxSeq: _seq,
    ...person
  } = doc;
  return { id: _id, ...person, version: doc.version ?? 1 };
}
