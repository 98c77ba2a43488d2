import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ParticipantRegisteredV1, ParticipantUpdatedV1 } from '@waypoint/contracts';
import { applyParticipantRegistration, applyParticipantUpdate, type ParticipantDirectoryField } from '@waypoint/platform';
import { DIRECTORY_ENTRY_MODEL, type DirectoryEntryDocument } from './directory-entry.schema';

/** What casework keeps of a person, current with intake's corrections. */
const KEPT_FIELDS: readonly ParticipantDirectoryField[] = ['firstName', 'lastName', 'office', 'programsOfInterest'];

/** The people planning knows, for casework: every read is by `_id`. */
@Injectable()
export class ParticipantDirectory {
  constructor(@InjectModel(DIRECTORY_ENTRY_MODEL) private readonly model: Model<DirectoryEntryDocument>) {}

  /** Files a registered person; a redelivery changes nothing, a late one completes an entry an update made. */
  async applyRegistration(p: ParticipantRegisteredV1): Promise<void> {
    const { participantId, firstName, lastName, office, programsOfInterest } = p;
    await applyParticipantRegistration(this.model, participantId, { firstName, lastName, office, programsOfInterest });
  }

  /** Applies a correction if newer than the entry; true when applied. */
  applyUpdate(update: ParticipantUpdatedV1): Promise<boolean> {
    return applyParticipantUpdate(this.model, update, KEPT_FIELDS);
  }

  /** The registered person, or null (unknown, or known only from an update so far). */
  async find(participantId: string): Promise<DirectoryEntryDocument | null> {
    // By _id alone: FerretDB 1.x reads the whole collection for a filter with any other field.
    const entry = await this.model.findOne({ _id: participantId }).lean<DirectoryEntryDocument>().exec();
    return entry && !entry.awaitingRegistration ? entry : null;
  }

  /** The registered person; 404 when planning does not know them. */
  async require(participantId: string): Promise<DirectoryEntryDocument> {
    const entry = await this.find(participantId);
    if (!entry) {
      throw new NotFoundException(
        `No participant with id ${participantId} (planning learns people from intake's registrations, within seconds of one)`,
      );
    }
    return entry;
  }
}
