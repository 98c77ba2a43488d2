import { Schema } from 'mongoose';
import { directoryEntryPaths, type DirectoryEntryBase } from '@waypoint/platform';

export const ROSTER_ENTRY_MODEL = 'RosterEntry';

export type RosterStatus = 'not_exited';

/**
 * A participant follow-up will track once they exit; `_id` is the participantId.
 * `version` / `awaitingRegistration`: see applyParticipantUpdate in @waypoint/platform (an entry
 * made by an update before the registration is left out of reads until the registration arrives).
 */
export interface RosterEntryDocument extends DirectoryEntryBase {
  _id: string;
  firstName: string;
  lastName: string;
  office: string;
  registeredAt: Date;
  exitDate: Date | null;
  status: RosterStatus;
}

export const rosterEntrySchema = new Schema<RosterEntryDocument>(
  {
    _id: { type: String, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    office: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    exitDate: { type: Date, default: null },
    status: { type: String, required: true, enum: ['not_exited'] },
    ...directoryEntryPaths,
  },
  { collection: 'followup_roster', versionKey: false },
);
