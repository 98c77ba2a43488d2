import { Schema } from 'mongoose';
import type { OfficeView, ProgramView } from '@waypoint/contracts';

export const PROGRAM_MODEL = 'ProgramConfiguration';
export const OFFICE_MODEL = 'OfficeConfiguration';

/** Every configuration document: keyed by its code, versioned for optimistic concurrency. */
export interface VersionedDocument {
  _id: string;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

/** A program as stored; `rules` are data validated by the contract's rule schema. */
export interface ProgramDocument
  extends VersionedDocument,
    Pick<ProgramView, 'label' | 'description' | 'fundingStream' | 'determinationValidDays' | 'rules' | 'activityHours'> {
  /** Absent on programs stored before journey rules existed: the defaults apply. */
  journeyRules?: ProgramView['journeyRules'];
}

export interface OfficeDocument extends VersionedDocument, Pick<OfficeView, 'name' | 'address' | 'region'> {}

const versioned = {
  _id: { type: String, required: true },
  active: { type: Boolean, required: true },
  version: { type: Number, required: true },
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: String, required: true },
};

export const programSchema = new Schema<ProgramDocument>(
  {
    ...versioned,
    label: { type: String, required: true },
    description: { type: String, default: '' },
    fundingStream: { type: String, required: true },
    determinationValidDays: { type: Number, required: true },
    rules: { type: Schema.Types.Mixed, required: true },
    activityHours: { type: Schema.Types.Mixed },
    journeyRules: { type: Schema.Types.Mixed },
  },
  { collection: 'programs', versionKey: false, minimize: true },
);

export const officeSchema = new Schema<OfficeDocument>(
  {
    ...versioned,
    name: { type: String, required: true },
    address: { type: Schema.Types.Mixed },
    region: { type: String, required: true },
  },
  { collection: 'offices', versionKey: false, minimize: true },
);
