import { Schema } from 'mongoose';
import type { ProgramCode } from '@waypoint/contracts';

export const CANDIDATE_MODEL = 'Candidate';

/** A candidate profile, seeded from registration; `_id` is the participantId. */
export interface CandidateDocument {
  _id: string;
  firstName: string;
  lastName: string;
  office: string;
  programsOfInterest: ProgramCode[];
}

export const candidateSchema = new Schema<CandidateDocument>(
  {
    _id: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    office: { type: String, required: true },
    programsOfInterest: { type: [String], required: true },
  },
  { collection: 'candidates', versionKey: false },
);
