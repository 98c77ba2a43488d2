import { Schema } from 'mongoose';

export const LEARNER_MODEL = 'Learner';

/** A participant as training knows them; `_id` is the participantId. */
export interface LearnerDocument {
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
  },
  { collection: 'learners', versionKey: false },
);
