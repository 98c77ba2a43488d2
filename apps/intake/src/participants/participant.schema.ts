import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';
import type { Consent, PersonRecord } from '@waypoint/intake-domain';
import type { JourneyDeadline, JourneyPhase } from '@waypoint/contracts';

export const PARTICIPANT_MODEL = 'Participant';

/** How a person came to be in a group intake session. */
export interface SessionLink {
  sessionId: string;
  how: 'registered' | 'linked';
  at: Date;
  by: string;
}

/** What the participant list shows of the journey, as the last journey.status.changed said. */
export interface JourneyStatusProjection {
  revision: number;
  lastServiceOn: string | null;
  nextDeadline: JourneyDeadline | null;
  exitProposedOn: string | null;
  openTasks: number;
  changedAt: Date;
}

/** The stored participant: the person record, consents, session links, the journey projection, and the outbox. */
export interface ParticipantDocument extends Omit<PersonRecord, 'id'>, OutboxFields {
  _id: string;
  /** Projection of the journey workflow's phase, applied only when newer (by sequence). */
  journeyPhase: JourneyPhase | null;
  journeySequence: number;
  journeyUpdatedAt?: Date;
  /**
   * Projection of journey.status.changed, applied only when its revision is newer than
   * `journeyStatusRevision` (absent: none applied yet).
   */
  journeyStatus?: JourneyStatusProjection;
  /** Sessions the person was registered in or added to. */
  intakeSessions: SessionLink[];
  /** Consents and releases of information, part of the person (one document, one outbox). */
  consents: Consent[];
}

export const participantSchema = new Schema<ParticipantDocument>(
  {
    _id: { type: String, required: true },
    version: { type: Number, default: 1 },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    firstNameKey: { type: String, required: true },
    lastNameKey: { type: String, required: true },
    nameTokens: { type: [String], required: true },
    nameDobKeys: { type: [String], default: undefined },
    nameKeyOrderFree: String,
    dateOfBirth: { type: String, required: true },
    email: String,
    phone: String,
    address: { type: { line1: String, city: String, state: String, postalCode: String, _id: false }, default: undefined },
    office: { type: String, required: true },
    programsOfInterest: { type: [String], required: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    // Encrypted SSN and its keyed hashes (see PiiProtector): never the plain number.
    ssn: { type: Schema.Types.Mixed, default: undefined },
    duplicateReview: { type: Schema.Types.Mixed, default: undefined },
    registeredInSessionId: String,
    intakeSessions: { type: Schema.Types.Mixed, default: () => [] },
    consents: { type: Schema.Types.Mixed, default: () => [] },
    journeyPhase: { type: String, default: null },
    journeySequence: { type: Number, default: 0 },
    journeyUpdatedAt: Date,
    journeyStatus: { type: Schema.Types.Mixed, default: undefined },
    ...outboxSchemaFields,
  },
  { collection: 'participants', versionKey: false, minimize: true },
);

// The participant list pages by (last name, first name, id); the office-scoped list has its
// own index; name search is a prefix match on any word of either name (multikey index).
participantSchema.index({ lastNameKey: 1, firstNameKey: 1, _id: 1 });
participantSchema.index({ office: 1, lastNameKey: 1, firstNameKey: 1, _id: 1 });
participantSchema.index({ nameTokens: 1 });
// Duplicate search: each match key is an equality lookup on its own index.
participantSchema.index({ nameDobKeys: 1 });
participantSchema.index({ nameKeyOrderFree: 1 });
participantSchema.index({ 'ssn.last4DobHash': 1 });
participantSchema.index({ 'ssn.hash': 1 });
participantSchema.index({ email: 1 });
participantSchema.index({ phone: 1 });
// Attendees of a group intake session.
participantSchema.index({ 'intakeSessions.sessionId': 1 });
