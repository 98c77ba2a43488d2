import { Schema } from 'mongoose';
import type { ServiceHistoryEntry, ServiceView } from '@waypoint/contracts';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';

export const SERVICE_MODEL = 'Service';

/** A history entry as stored (`at` a Date). */
export type StoredServiceHistoryEntry = Omit<ServiceHistoryEntry, 'at'> & { at: Date };

/**
 * One service given to (or scheduled for) one participant, with its status history: who
 * recorded it and when, then every status change as a new entry. The current fields are the
 * last entry's; nothing is edited in place without an entry saying who and when. Kept small
 * (a service has a handful of entries): FerretDB 1.x reads the whole collection for the
 * participant's list, so every byte here is read by every list.
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

// A participant's services, newest first (MongoDB uses it; FerretDB 1.x reads the collection).
serviceSchema.index({ participantId: 1, startOn: -1, _id: 1 });
