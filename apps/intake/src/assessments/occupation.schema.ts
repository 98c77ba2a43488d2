import { Schema } from 'mongoose';
import type { OccupationView } from '@waypoint/contracts';

export const OCCUPATION_MODEL = 'Occupation';

/** An occupation of the catalogue, keyed by SOC code; search keys are derived on every write. */
export interface OccupationDocument extends Omit<OccupationView, 'socCode'> {
  _id: string;
  /** Folded words of the title, for prefix search. */
  titleWords: string[];
  /** The letters of riasecCode, for "involves S" search. */
  riasecLetters: string[];
  updatedAt: Date;
  updatedBy: string;
}

export const occupationSchema = new Schema<OccupationDocument>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    titleWords: { type: [String], required: true },
    riasecCode: { type: String, required: true },
    riasecLetters: { type: [String], required: true },
    jobZone: { type: Number, required: true },
    medianAnnualWage: { type: Number, required: true },
    outlook: { type: String, required: true },
    source: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'occupations', versionKey: false },
);

occupationSchema.index({ titleWords: 1 });
occupationSchema.index({ jobZone: 1, _id: 1 });
