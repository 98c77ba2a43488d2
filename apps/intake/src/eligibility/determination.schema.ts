import { Schema } from 'mongoose';
import type { EligibilityAnswers, EligibilityReasonView, EligibilityStatusName } from '@waypoint/contracts';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';

export const DETERMINATION_MODEL = 'EligibilityDetermination';

export interface DeterminedProgramDocument {
  program: string;
  label: string;
  status: EligibilityStatusName;
  reasons: EligibilityReasonView[];
  expiresAt: Date;
}

/** One determination: the answers and the result for every program active at that moment. Never edited. */
export interface DeterminationDocument extends OutboxFields {
  _id: string;
  participantId: string;
  answers: EligibilityAnswers;
  results: DeterminedProgramDocument[];
  determinedAt: Date;
  determinedBy: string;
}

export const determinationSchema = new Schema<DeterminationDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    answers: { type: Schema.Types.Mixed, required: true },
    results: { type: Schema.Types.Mixed, required: true },
    determinedAt: { type: Date, required: true },
    determinedBy: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'eligibility_determinations', versionKey: false, minimize: false },
);

// A participant's history, latest first.
determinationSchema.index({ participantId: 1, determinedAt: -1, _id: -1 });
