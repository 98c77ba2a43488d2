import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';
import type { Participant } from '@waypoint/intake-domain';
import type { JourneyPhase } from '@waypoint/contracts';

export const PARTICIPANT_MODEL = 'Participant';

/** The stored participant: the domain record, the journey projection, and the outbox. */
export interface ParticipantDocument extends Omit<Participant, 'id'>, OutboxFields {
  _id: string;
  /** Projection of the journey workflow's phase, applied only when newer (by sequence). */
  journeyPhase: JourneyPhase | null;
  journeySequence: number;
  journeyUpdatedAt?: Date;
}

export const participantSchema = new Schema<ParticipantDocument>(
  {
    _id: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    firstNameKey: { type: String, required: true },
    lastNameKey: { type: String, required: true },
    nameTokens: { type: [String], required: true },
    dateOfBirth: { type: String, required: true },
    email: String,
    phone: String,
    address: { type: { line1: String, city: String, state: String, postalCode: String, _id: false }, default: undefined },
    office: { type: String, required: true },
    programsOfInterest: { type: [String], required: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    journeyPhase: { type: String, default: null },
    journeySequence: { type: Number, default: 0 },
    journeyUpdatedAt: Date,
    ...outboxSchemaFields,
  },
  { collection: 'participants', versionKey: false, minimize: true },
);

// The participant list pages by (last name, first name, id); the office-scoped list has its
// own index; name search is a prefix match on any word of either name (multikey index).
participantSchema.index({ lastNameKey: 1, firstNameKey: 1, _id: 1 });
participantSchema.index({ office: 1, lastNameKey: 1, firstNameKey: 1, _id: 1 });
participantSchema.index({ nameTokens: 1 });
