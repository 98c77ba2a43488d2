import { Schema } from 'mongoose';
import { directoryEntryPaths, type DirectoryEntryBase } from '@waypoint/platform';

export const LEARNER_MODEL = 'Learner';

/**
 * A participant as training knows them; `_id` is the participantId.
 * `version` / `awaitingRegistration`: see applyParticipantUpdate in @waypoint/platform (an entry
 * made by an update before the registration is left out of reads until the registration arrives).
 */
export interface LearnerDocument extends DirectoryEntryBase {
  _id: string;
  firstName: string;
  lastName: string;
  office: string;
}

export const learnerSchema = new Schema<LearnerDocument>(
  {
    _id: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    office: { type: String, required: true },
    ...directoryEntryPaths,
  },
  { collection: 'learners', versionKey: false },
);
