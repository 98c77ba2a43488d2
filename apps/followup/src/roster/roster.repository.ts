import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ParticipantRegisteredV1, ParticipantUpdatedV1 } from '@waypoint/contracts';
import {
  applyParticipantRegistration,
  applyParticipantUpdate,
  REGISTERED_ONLY,
  type ParticipantDirectoryField,
} from '@waypoint/platform';
import { ROSTER_ENTRY_MODEL, type RosterEntryDocument, type RosterStatus } from './roster-entry.schema';

/** A roster entry, as the API returns it. */
export interface RosterEntryView {
  participantId: string;
  firstName: string;
  lastName: string;
  office: string;
  registeredAt: string;
  exitDate: string | null;
  status: RosterStatus;
}

/** What the roster shows of a person, kept current from intake's corrections. */
const KEPT_FIELDS: readonly ParticipantDirectoryField[] = ['firstName', 'lastName', 'office'];

@Injectable()
export class RosterRepository {
  constructor(@InjectModel(ROSTER_ENTRY_MODEL) private readonly model: Model<RosterEntryDocument>) {}

  /**
   * Enrols a newly registered participant, not exited. A redelivered registration changes
   * nothing; one arriving after an update completes the entry without overwriting the newer fields.
   */
  async enrolRegistered({ participantId, firstName, lastName, office, registeredAt }: ParticipantRegisteredV1): Promise<void> {
    const entry = { firstName, lastName, office, registeredAt: new Date(registeredAt), exitDate: null, status: 'not_exited' as const };
    await applyParticipantRegistration(this.model, participantId, entry);
  }

  /** Applies a correction of names or office, unless the entry already reflects it or a newer one. */
  async applyUpdate(update: ParticipantUpdatedV1): Promise<void> {
    await applyParticipantUpdate(this.model, update, KEPT_FIELDS);
  }

  async find(participantId: string): Promise<RosterEntryView | null> {
    const doc = await this.model.findOne({ _id: participantId, ...REGISTERED_ONLY }).lean<RosterEntryDocument>().exec();
    if (!doc) return null;
    const { _id, firstName, lastName, office, registeredAt, exitDate, status } = doc;
    return {
      participantId: _id,
      firstName,
      lastName,
      office,
      registeredAt: registeredAt.toISOString(),
      exitDate: exitDate?.toISOString() ?? null,
      status,
    };
  }
}
