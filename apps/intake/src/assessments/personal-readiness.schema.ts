import { Schema } from 'mongoose';
import type { PersonalReadinessRequest } from '@waypoint/contracts';

export const PERSONAL_READINESS_MODEL = 'PersonalReadiness';

type Items = PersonalReadinessRequest['items'];

/**
 * The case manager's personal-readiness checklist for one job-readiness assessment, in its own
 * collection (`personal_readiness`) so that nothing reading assessments can leak it. Each save
 * keeps the list it replaces in `history`: corrected by new entries, never silently edited.
 */
export interface PersonalReadinessDocument {
  /** The job-readiness assessment's id. */
  _id: string;
  participantId: string;
  number: number;
  items: Items;
  revision: number;
  updatedAt: Date;
  updatedBy: string;
  history: { items: Items; revision: number; updatedAt: Date; updatedBy: string }[];
}

export const personalReadinessSchema = new Schema<PersonalReadinessDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    number: { type: Number, required: true },
    items: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    history: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'personal_readiness', versionKey: false, minimize: false },
);
