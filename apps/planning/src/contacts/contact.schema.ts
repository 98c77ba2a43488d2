import { Schema } from 'mongoose';
import type { ContactView } from '@waypoint/contracts';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';

export const CONTACT_MODEL = 'Contact';

/**
 * A case-management contact with a participant: who recorded it, when, how, for which
 * program. Never changed once saved (a wrong one is answered by recording the right one;
 * the story belongs in a case note). Listed through the person's case file, by `_id`.
 */
export type ContactDocument = Omit<ContactView, 'id' | 'recordedAt'> & OutboxFields & { _id: string; recordedAt: Date };

export const contactSchema = new Schema<ContactDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    contactType: { type: String, required: true },
    contactOn: { type: String, required: true },
    program: String,
    summary: String,
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'contacts', versionKey: false, minimize: true },
);
// No index on participantId: a person's contacts are found through their case file, by _id.
