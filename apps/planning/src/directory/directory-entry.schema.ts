import { Schema } from 'mongoose';
import type { ProgramCode } from '@waypoint/contracts';
import { directoryEntryPaths, type DirectoryEntryBase } from '@waypoint/platform';

export const DIRECTORY_ENTRY_MODEL = 'CaseworkDirectoryEntry';

/**
 * A participant as casework knows them, from intake's events (`_id` is the participantId):
 * whether they exist (services and contacts for anyone else are refused with 404), and the
 * name and office their tasks show. See applyParticipantUpdate in @waypoint/platform for
 * `version` / `awaitingRegistration`.
 */
export interface DirectoryEntryDocument extends DirectoryEntryBase, DirectoryPerson {
  _id: string;
}

/** What planning's directories (this one, the plan queue) keep of a person. */
export interface DirectoryPerson {
  firstName: string;
  lastName: string;
  office: string;
  programsOfInterest: ProgramCode[];
}

/** The schema paths of a DirectoryPerson. */
export const directoryPersonPaths = {
  firstName: { type: String, required: true },
  lastName: { type: String, required: true },
  office: { type: String, required: true },
  programsOfInterest: { type: [String], required: true },
} as const;

export const directoryEntrySchema = new Schema<DirectoryEntryDocument>(
  { _id: { type: String, required: true }, ...directoryPersonPaths, ...directoryEntryPaths },
  // Read by _id only: no secondary index needed.
  { collection: 'participant_directory', versionKey: false },
);
