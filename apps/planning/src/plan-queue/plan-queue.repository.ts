import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { Page, ParticipantRegisteredV1, ProgramCode } from '@waypoint/contracts';
import { encodePlanQueueCursor, type PlanQueueCursor } from './plan-queue.cursor';
import { PLAN_QUEUE_ENTRY_MODEL, type PlanQueueEntryDocument, type PlanQueueStatus } from './plan-queue-entry.schema';

/** One row of the plan queue, as the API returns it. */
export interface PlanQueueItem {
  participantId: string;
  firstName: string;
  lastName: string;
  office: string;
  programsOfInterest: ProgramCode[];
  registeredAt: string;
  status: PlanQueueStatus;
}

export interface PlanQueueQuery {
  office?: string;
  limit: number;
  cursor?: PlanQueueCursor;
}

@Injectable()
export class PlanQueueRepository {
  constructor(@InjectModel(PLAN_QUEUE_ENTRY_MODEL) private readonly model: Model<PlanQueueEntryDocument>) {}

  /** Queues a newly registered participant; inserts only, so a redelivered registration changes nothing. */
  async enqueueRegistered(p: ParticipantRegisteredV1): Promise<void> {
    const { participantId, firstName, lastName, office, programsOfInterest } = p;
    const registeredAt = new Date(p.registeredAt);
    const entry = { firstName, lastName, office, programsOfInterest, registeredAt, status: 'awaiting_plan' };
    await this.model.updateOne({ _id: participantId }, { $setOnInsert: entry }, { upsert: true }).exec();
  }

  /** Keyset page of participants awaiting a plan, oldest registration first; never skips. */
  async page(q: PlanQueueQuery): Promise<Page<PlanQueueItem>> {
    const filter: FilterQuery<PlanQueueEntryDocument> = { status: 'awaiting_plan', ...(q.office ? { office: q.office } : {}) };
    if (q.cursor) {
      const { registeredAt, participantId } = q.cursor;
      filter.$or = [{ registeredAt: { $gt: registeredAt } }, { registeredAt, _id: { $gt: participantId } }];
    }
    const docs = await this.model
      .find(filter)
      .sort({ registeredAt: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<PlanQueueEntryDocument[]>()
      .exec();
    const items = docs.slice(0, q.limit);
    const last = items[items.length - 1];
    const more = docs.length > q.limit && last;
    return {
      items: items.map(toPlanQueueItem),
      nextCursor: more ? encodePlanQueueCursor({ registeredAt: last.registeredAt, participantId: last._id }) : null,
    };
  }
}

function toPlanQueueItem({ _id, registeredAt, ...rest }: PlanQueueEntryDocument): PlanQueueItem {
  return { participantId: _id, ...rest, registeredAt: new Date(registeredAt).toISOString() };
}
