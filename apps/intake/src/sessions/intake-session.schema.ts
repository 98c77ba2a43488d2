import { Schema } from 'mongoose';
import type { IntakeSessionStatus } from '@waypoint/contracts';

export const INTAKE_SESSION_MODEL = 'IntakeSession';

/**
 * A group intake session. Who attends is kept on each participant (`intakeSessions`), so a
 * registration writes one document (the new person, with its event) and never two.
 */
export interface IntakeSessionDocument {
  _id: string;
  office: string;
  title: string;
  startsAt: Date;
  facilitator: { id: string; username: string };
  status: IntakeSessionStatus;
  openedAt: Date;
  closedAt?: Date;
  closedBy?: string;
}

export const intakeSessionSchema = new Schema<IntakeSessionDocument>(
  {
    _id: { type: String, required: true },
    office: { type: String, required: true },
    title: { type: String, required: true },
    startsAt: { type: Date, required: true },
    facilitator: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    openedAt: { type: Date, required: true },
    closedAt: Date,
    closedBy: String,
  },
  { collection: 'intake_sessions', versionKey: false, minimize: true },
);

// The list: by office, open first, latest first.
intakeSessionSchema.index({ office: 1, status: -1, startsAt: -1 });
intakeSessionSchema.index({ status: -1, startsAt: -1 });
