import { Schema } from 'mongoose';
import { directoryEntryPaths, type DirectoryEntryBase } from '@waypoint/platform';
import { directoryPersonPaths, type DirectoryPerson } from '../directory/directory-entry.schema';

export const PLAN_QUEUE_ENTRY_MODEL = 'PlanQueueEntry';

export type PlanQueueStatus = 'awaiting_plan';

/**
 * A registered participant who has no individual employment plan yet; `_id` is the participantId.
 * `version` / `awaitingRegistration`: see applyParticipantUpdate in @waypoint/platform (an entry
 * made by an update before the registration has no status yet, so the queue leaves it out).
 */
export interface PlanQueueEntryDocument extends DirectoryEntryBase, DirectoryPerson {
  _id: string;
  registeredAt: Date;
  status: PlanQueueStatus;
}

export const planQueueEntrySchema = new Schema<PlanQueueEntryDocument>(
  {
    _id: { type: String, required: true },
    ...directoryPersonPaths,
    registeredAt: { type: Date, required: true },
    status: { type: String, required: true, enum: ['awaiting_plan'] },
    ...directoryEntryPaths,
  },
  { collection: 'plan_queue', versionKey: false },
);

// The queue is worked oldest first and pages by (registeredAt, _id): one index for an
// office's queue, one for the queue across offices.
planQueueEntrySchema.index({ status: 1, office: 1, registeredAt: 1, _id: 1 });
planQueueEntrySchema.index({ status: 1, registeredAt: 1, _id: 1 });
