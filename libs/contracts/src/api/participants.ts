import type { JourneyDeadline } from '../journey';
import type { JourneyPhase, RecordConsentRequest } from '../participant';
import type { ProgramCode } from '../programs';

export interface ParticipantSummary {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  office: string;
  programsOfInterest: ProgramCode[];
  /** From the journey read model; `null` until the journey's first phase event arrives. */
  phase: JourneyPhase | null;
  registeredAt: string;
  /**
   * From journey.status.changed (intake's projection), all null until the first one arrives.
   * The last participant-level service date (services that hold the 90-day exit off).
   */
  lastServiceOn?: string | null;
  /** Days from `lastServiceOn` to today, computed when the list is read (never stored). */
  daysSinceLastService?: number | null;
  /** The journey's soonest deadline (overdue when `dueOn` is before today). */
  nextDeadline?: JourneyDeadline | null;
  /** Set while an exit proposed by the 90-day rule waits for staff: the proposed exit date. */
  exitProposedOn?: string | null;
  /** Open journey tasks (reminders, escalations) for this person. */
  openTasks?: number;
}

export interface ParticipantDetail extends ParticipantSummary {
  email?: string;
  phone?: string;
  address?: { line1: string; city: string; state: string; postalCode: string };
  registeredBy: string;
  /**
   * Optimistic-concurrency version: send it back as `If-Match: "<version>"` (or `version`)
   * with PATCH. The response also carries it as the ETag header. Always present in the
   * service's answers (typed optional only so fixtures written before it still compile).
   */
  version?: number;
  /**
   * Whether an SSN is on file. Only for roles allowed to see the last four digits
   * (IntakeAccess.readSsnLast4); other roles get no SSN field at all.
   */
  hasSsn?: boolean;
  /** Last four SSN digits, e.g. "1234" (readSsnLast4 roles only; the whole number is never returned). */
  ssnLast4?: string;
  /** The same, masked for display: "***-**-1234". */
  ssnMasked?: string;
  /** When the worker registered the person despite likely duplicates: who, when, which candidates. */
  duplicateReview?: DuplicateReviewRecord;
  /** The group intake session the person was registered in, if any. */
  registeredInSessionId?: string;
}

export interface DuplicateReviewRecord {
  confirmedBy: string;
  confirmedAt: string;
  reviewedCandidateIds: string[];
  note?: string;
}

/** The participant page: the record plus the phase read live from the journey workflow. */
export interface ParticipantPage {
  participant: ParticipantDetail;
  journey: { workflowId: string; phase: JourneyPhase | null; live: boolean; error?: string };
}

/** Keyset page: pass `nextCursor` back as `cursor` to get the following page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Body of every 400/422 answer. */
export interface ValidationErrorBody {
  statusCode: 400 | 422;
  error: 'Bad Request' | 'Unprocessable Entity';
  message: string;
  errors: FieldError[];
}

// ---------------------------------------------------------------------------------------
// Duplicate detection (search before create)
// ---------------------------------------------------------------------------------------

/** certain ≥ 90, likely ≥ 60, possible ≥ 20 (see libs/intake/domain duplicate-score). */
export type DuplicateLevelName = 'certain' | 'likely' | 'possible';

export interface DuplicateReasonView {
  /** Machine-readable rule, e.g. 'name-dob', 'ssn-dob', 'email', 'phone', 'dob-differs'. */
  rule: string;
  /** Plain language for the worker; never contains SSN digits. */
  detail: string;
  weight: number;
}

export interface DuplicateCandidate {
  participant: ParticipantSummary;
  /** 0-100. */
  score: number;
  level: DuplicateLevelName;
  reasons: DuplicateReasonView[];
}

/** Answer of POST /participants/duplicate-check: best first, at most 10. */
export interface DuplicateCheckResponse {
  candidates: DuplicateCandidate[];
  /** Ids of the 'likely'/'certain' candidates: registering needs them all in duplicateReview.reviewedCandidateIds. */
  reviewRequiredFor: string[];
}

/**
 * 409 answer of a registration that looks like a person already on file and carries no
 * (or an incomplete) duplicateReview. Nothing was written. Show the candidates; then
 * either open/link the existing record, or resend with duplicateReview listing every id
 * in `reviewRequiredFor`.
 */
export interface DuplicateConflictBody {
  statusCode: 409;
  error: 'Conflict';
  code: 'possible-duplicate';
  message: string;
  candidates: DuplicateCandidate[];
  reviewRequiredFor: string[];
}

/** 409 answer of a PATCH whose If-Match version is not the current one. */
export interface VersionConflictBody {
  statusCode: 409;
  error: 'Conflict';
  code: 'stale-version';
  message: string;
  currentVersion: number;
}

// ---------------------------------------------------------------------------------------
// Consents and releases of information
// ---------------------------------------------------------------------------------------

/** As of today: revoked wins; expired after expiresOn (valid through that day). */
export type ConsentStatus = 'active' | 'expired' | 'revoked';

/** What was signed (see recordConsentSchema), who recorded it, and its status today. */
export interface ConsentView extends RecordConsentRequest {
  id: string;
  participantId: string;
  recordedBy: string;
  recordedAt: string;
  revoked?: { at: string; by: string; reason: string };
  status: ConsentStatus;
}

export interface ConsentList {
  participantId: string;
  /** The day the statuses were computed for (YYYY-MM-DD, UTC). */
  asOf: string;
  items: ConsentView[];
}

// ---------------------------------------------------------------------------------------
// Group intake sessions
// ---------------------------------------------------------------------------------------

export type IntakeSessionStatus = 'open' | 'closed';

export interface IntakeSessionSummary {
  id: string;
  office: string;
  title: string;
  startsAt: string;
  facilitator: { id: string; username: string };
  status: IntakeSessionStatus;
  openedAt: string;
  closedAt?: string;
  closedBy?: string;
  attendeeCount: number;
}

export interface SessionAttendee {
  participant: ParticipantSummary;
  /** 'registered': a new record made in this session; 'linked': an existing person added. */
  how: 'registered' | 'linked';
  at: string;
  by: string;
}

export interface IntakeSessionDetail extends IntakeSessionSummary {
  attendees: SessionAttendee[];
}

/** GET /sessions: open sessions first, then the most recent. */
export interface IntakeSessionList {
  items: IntakeSessionSummary[];
}
