import { Schema } from 'mongoose';
import type { StaffRole } from '@waypoint/contracts';

export const STAFF_USER_MODEL = 'StaffUser';

export interface StaffUserDocument {
  _id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: StaffRole[];
  office: string;
  active: boolean;
  createdAt: Date;
  lastSignInAt?: Date;
}

export const staffUserSchema = new Schema<StaffUserDocument>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    roles: { type: [String], required: true },
    office: { type: String, required: true },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
    lastSignInAt: Date,
  },
  { collection: 'staff_users', versionKey: false },
);
staffUserSchema.index({ username: 1 }, { unique: true });
