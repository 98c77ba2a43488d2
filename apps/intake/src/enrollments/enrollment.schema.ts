import { Schema } from 'mongoose';
import type { ExitReason } from '@waypoint/contracts';
import type { EligibilitySnapshot } from '@waypoint/intake-domain';
import { outboxSchemaFields, type OutboxFields } from '@waypoint/platform';

export const ENROLLMENT_MODEL = 'Enrollment';

/** A person's enrollment in one program, with the eligibility frozen at enrollment. */
export interface EnrollmentDocument extends OutboxFields {
  _id: string;
  participantId: string;
  program: string;
  label: string;
  office?: string;
  status: 'open' | 'exited';
  /**
   * `<participantId>:<program>` while open, `exited:<id>` after: a unique index on it lets
   * the database refuse a second open enrollment in the same program, even under a race.
   */
  openKey: string;
  enrolledOn: string;
  enrolledBy: string;
  recordedAt: Date;
  determinationId: string;
  eligibility: EligibilitySnapshot;
  exit?: { exitedOn: string; reason: ExitReason; note?: string; exitedBy: string; recordedAt: Date };
}

export const enrollmentSchema = new Schema<EnrollmentDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    program: { type: String, required: true },
    label: { type: String, required: true },
    office: String,
    status: { type: String, required: true },
    openKey: { type: String, required: true },
    enrolledOn: { type: String, required: true },
    enrolledBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    determinationId: { type: String, required: true },
    eligibility: { type: Schema.Types.Mixed, required: true },
    exit: { type: Schema.Types.Mixed },
    ...outboxSchemaFields,
  },
  { collection: 'enrollments', versionKey: false, minimize: true },
);

enrollmentSchema.index({ openKey: 1 }, { unique: true });
enrollmentSchema.index({ participantId: 1, enrolledOn: -1 });

export const openKeyOf = (participantId: string, program: string) => `${participantId}:${program}`;
