import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { JourneyPhase } from '@waypoint/contracts';
import type { Participant } from '@waypoint/intake-domain';
import { outboxForInsert, type PublishableEvent } from '@waypoint/platform';
import { toPersistence } from './participant.mapper';
import { PARTICIPANT_MODEL, type ParticipantDocument } from './participant.schema';

export interface ListQuery {
  limit: number;
  cursor?: [string, string, string];
  /** Folded words; each must prefix some word of the person's names. */
  nameWords?: string[];
  office?: string;
}

@Injectable()
export class ParticipantsRepository {
  constructor(@InjectModel(PARTICIPANT_MODEL) private readonly model: Model<ParticipantDocument>) {}

  get collection() {
    return this.model.collection;
  }

  /** Stores the participant and the events it caused in one atomic document write. */
  async insertWithEvents(participant: Participant, events: PublishableEvent[]): Promise<ParticipantDocument> {
    const doc = { ...toPersistence(participant), ...outboxForInsert(events) };
    await this.model.collection.insertOne(doc as never);
    return doc as ParticipantDocument;
  }

  findById(id: string): Promise<ParticipantDocument | null> {
    return this.model.findById(id, { outbox: 0 }).lean<ParticipantDocument>().exec();
  }

  /** Keyset page ordered by (last name, first name, id); never skips. */
  async list(q: ListQuery): Promise<ParticipantDocument[]> {
    const and: FilterQuery<ParticipantDocument>[] = [];
    if (q.office) and.push({ office: q.office });
    // An anchored prefix regex matches any array element and can use the multikey index.
    // (A range in $elemMatch would too on MongoDB, but FerretDB 1.x applies its bounds to
    // different elements.) Words are folded to [a-z0-9] by nameTokens, so need no escaping.
    for (const word of q.nameWords ?? []) and.push({ nameTokens: { $regex: `^${word}` } });
    if (q.cursor) {
      const [last, first, id] = q.cursor;
      and.push({
        $or: [
          { lastNameKey: { $gt: last } },
          { lastNameKey: last, firstNameKey: { $gt: first } },
          { lastNameKey: last, firstNameKey: first, _id: { $gt: id } },
        ],
      });
    }
    return this.model
      .find(and.length ? { $and: and } : {}, { outbox: 0 })
      .sort({ lastNameKey: 1, firstNameKey: 1, _id: 1 })
      .limit(q.limit)
      .lean<ParticipantDocument[]>()
      .exec();
  }

  /**
   * Applies a journey phase change if it is newer than the one held. Returns false for a
   * stale or repeated change, so redelivery never moves a phase backwards.
   */
  async applyJourneyPhase(participantId: string, phase: JourneyPhase, sequence: number, at: Date): Promise<boolean> {
    const res = await this.model
      .updateOne(
        { _id: participantId, journeySequence: { $lt: sequence } },
        { $set: { journeyPhase: phase, journeySequence: sequence, journeyUpdatedAt: at } },
      )
      .exec();
    return res.modifiedCount === 1;
  }
}
