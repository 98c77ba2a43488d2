import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ParticipantRegisteredV1 } from '@waypoint/contracts';
import { LEARNER_MODEL, type LearnerDocument } from './learner.schema';

/** A learner, as the API returns it. */
export interface LearnerView {
  participantId: string;
  firstName: string;
  lastName: string;
  office: string;
}

@Injectable()
export class LearnersRepository {
  constructor(@InjectModel(LEARNER_MODEL) private readonly model: Model<LearnerDocument>) {}

  /** Adds a newly registered participant; inserts only, so a redelivered registration changes nothing. */
  async addRegistered({ participantId, firstName, lastName, office }: ParticipantRegisteredV1): Promise<void> {
    const learner = { firstName, lastName, office };
    await this.model.updateOne({ _id: participantId }, { $setOnInsert: learner }, { upsert: true }).exec();
  }

  async find(participantId: string): Promise<LearnerView | null> {
    const doc = await this.model.findById(participantId).lean<LearnerDocument>().exec();
    if (!doc) return null;
    const { _id, ...learner } = doc;
    return { participantId: _id, ...learner };
  }
}
