import { Schema } from 'mongoose';
import type { ServiceHistoryEntry, ServiceView } from '@waypoint/contracts';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';

export const SERVICE_MODEL = 'Service';

/** A history entry as stored (`at` a Date). */
export type StoredServiceHistoryEntry = Omit<ServiceHistoryEntry, 'at'> & { at: Date };

/**
 * One service given to (or scheduled for) one participant, with its status history: who
 * recorded it and when, then every status change as a new entry. The current fields are the
 * last entry's; nothing is edited in place without an entry saying who and when. A person's
 * services are listed through their case file (CaseFileIndex), by `_id`.
 */
export type ServiceDocument = Omit<ServiceView, 'id' | 'countsTowardExit' | 'recordedAt' | 'history'> &
  OutboxFields & { _id: string; recordedAt: Date; history: StoredServiceHistoryEntry[] };

export const serviceSchema = new Schema<ServiceDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    program: { type: String, required: true },
    category: { type: String, required: true },
    service: { type: String, required: true },
    status: { type: String, required: true },
    startOn: { type: String, required: true },
    endOn: String,
    note: String,
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    history: { type: Schema.Types.Mixed, default: () => [] },
    ...outboxSchemaFields,
  },
  { collection: 'services', versionKey: false, minimize: true },
);
// No index on participantId: a person's services are found through their case file, by _id.
