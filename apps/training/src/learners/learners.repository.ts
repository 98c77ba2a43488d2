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
import { LEARNER_MODEL, type LearnerDocument } from './learner.schema';

/** A learner, as the API returns it. */
export interface LearnerView {
  participantId: string;
  firstName: string;
  lastName: string;
  office: string;
}

/** What training knows of a person, kept current from intake's corrections. */
const KEPT_FIELDS: readonly ParticipantDirectoryField[] = ['firstName', 'lastName', 'office'];

@Injectable()
export class LearnersRepository {
  constructor(@InjectModel(LEARNER_MODEL) private readonly model: Model<LearnerDocument>) {}

  /**
   * Adds a newly registered participant. A redelivered registration changes nothing; one
   * arriving after an update completes the entry without overwriting the newer fields.
   */
  async addRegistered({ participantId, firstName, lastName, office }: ParticipantRegisteredV1): Promise<void> {
    await applyParticipantRegistration(this.model, participantId, { firstName, lastName, office });
  }

  /** Applies a correction of names or office, unless the learner already reflects it or a newer one. */
  async applyUpdate(update: ParticipantUpdatedV1): Promise<void> {
    await applyParticipantUpdate(this.model, update, KEPT_FIELDS);
  }

  async find(participantId: string): Promise<LearnerView | null> {
    const doc = await this.model.findOne({ _id: participantId, ...REGISTERED_ONLY }).lean<LearnerDocument>().exec();
    if (!doc) return null;
    const { _id, firstName, lastName, office } = doc;
    return { participantId: _id, firstName, lastName, office };
  }
}
