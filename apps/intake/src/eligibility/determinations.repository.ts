import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { outboxForInsert, type OutboxFields, type PublishableEvent } from '@waypoint/platform';
import { DETERMINATION_MODEL, type DeterminationDocument } from './determination.schema';

@Injectable()
export class DeterminationsRepository {
  constructor(@InjectModel(DETERMINATION_MODEL) private readonly model: Model<DeterminationDocument>) {}

  /** The determination and its event in one document write. */
  async insertWithEvents(doc: Omit<DeterminationDocument, keyof OutboxFields>, events: PublishableEvent[]): Promise<DeterminationDocument> {
    const full = { ...doc, ...outboxForInsert(events) };
    await this.model.collection.insertOne(full as never);
    return full;
  }

  /** A participant's determinations, latest first. */
  history(participantId: string, limit = 100): Promise<DeterminationDocument[]> {
    return this.model
      .find({ participantId }, { outbox: 0 })
      .sort({ determinedAt: -1, _id: -1 })
      .limit(limit)
      .lean<DeterminationDocument[]>()
      .exec();
  }

  findOne(participantId: string, id: string): Promise<DeterminationDocument | null> {
    return this.model.findOne({ _id: id, participantId }, { outbox: 0 }).lean<DeterminationDocument>().exec();
  }
}
