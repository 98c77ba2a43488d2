import { Schema } from 'mongoose';
import type { ProgramCode } from '@waypoint/contracts';
import { directoryEntryPaths, type DirectoryEntryBase } from '@waypoint/platform';

export const CANDIDATE_MODEL = 'Candidate';

/**
 * A candidate profile, seeded from registration and kept current from corrections; `_id` is the participantId.
 * `version` / `awaitingRegistration`: see applyParticipantUpdate in @waypoint/platform (an entry
 * made by an update before the registration is left out of reads until the registration arrives).
 */
export interface CandidateDocument extends DirectoryEntryBase {
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
    ...directoryEntryPaths,
  },
  { collection: 'candidates', versionKey: false },
);
