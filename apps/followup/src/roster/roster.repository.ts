import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ParticipantRegisteredV1 } from '@waypoint/contracts';
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

@Injectable()
export class RosterRepository {
  constructor(@InjectModel(ROSTER_ENTRY_MODEL) private readonly model: Model<RosterEntryDocument>) {}

  /** Enrols a newly registered participant, not exited; inserts only, so a redelivered registration changes nothing. */
  async enrolRegistered({ participantId, firstName, lastName, office, registeredAt }: ParticipantRegisteredV1): Promise<void> {
    const entry = { firstName, lastName, office, registeredAt: new Date(registeredAt), exitDate: null, status: 'not_exited' };
    await this.model.updateOne({ _id: participantId }, { $setOnInsert: entry }, { upsert: true }).exec();
  }

  async find(participantId: string): Promise<RosterEntryView | null> {
    const doc = await this.model.findById(participantId).lean<RosterEntryDocument>().exec();
    if (!doc) return null;
    const { _id, registeredAt, exitDate, ...rest } = doc;
    return { participantId: _id, ...rest, registeredAt: registeredAt.toISOString(), exitDate: exitDate?.toISOString() ?? null };
  }
}
