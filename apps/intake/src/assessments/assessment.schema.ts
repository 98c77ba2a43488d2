import { Schema } from 'mongoose';
import type { AssessmentKind, AssessmentSummary } from '@waypoint/contracts';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';

export const ASSESSMENT_MODEL = 'Assessment';

/**
 * One completed assessment: number N of the participant's series of one kind. Never updated
 * after the insert except `latest` (cleared when N+1 arrives) and the outbox. The
 * personal-readiness checklist is NOT here (see personal-readiness.schema.ts), so no query on
 * this collection can return it.
 */
export interface AssessmentDocument extends OutboxFields {
  _id: string;
  participantId: string;
  kind: AssessmentKind;
  number: number;
  schemaVersion: number;
  completedAt: Date;
  completedBy: string;
  completedById: string;
  reassessmentDueOn: string;
  previousId: string | null;
  /** The participant's office when this was completed (scopes the due list). */
  office: string;
  /** True on the newest of its series; what the due list reads. */
  latest: boolean;
  /** The request as validated, per kind and schemaVersion. */
  answers: Record<string, unknown>;
  /** What the rules computed from the answers at the time. */
  result: Record<string, unknown>;
  summary: AssessmentSummary;
}

export const assessmentSchema = new Schema<AssessmentDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    kind: { type: String, required: true },
    number: { type: Number, required: true },
    schemaVersion: { type: Number, required: true },
    completedAt: { type: Date, required: true },
    completedBy: { type: String, required: true },
    completedById: { type: String, required: true },
    reassessmentDueOn: { type: String, required: true },
    previousId: { type: String, default: null },
    office: { type: String, required: true },
    latest: { type: Boolean, required: true },
    answers: { type: Schema.Types.Mixed, required: true },
    result: { type: Schema.Types.Mixed, required: true },
    summary: { type: Schema.Types.Mixed, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'assessments', versionKey: false, minimize: false },
);

// One number per participant and kind: two writers racing for N+1 cannot both win.
assessmentSchema.index({ participantId: 1, kind: 1, number: -1 }, { unique: true });
// The due list: latest assessments by due date, keyset (reassessmentDueOn, _id), all offices or one.
assessmentSchema.index({ latest: 1, reassessmentDueOn: 1, _id: 1 });
assessmentSchema.index({ office: 1, latest: 1, reassessmentDueOn: 1, _id: 1 });
