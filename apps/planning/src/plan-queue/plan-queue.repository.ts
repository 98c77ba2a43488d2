import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { Page, ParticipantRegisteredV1, ParticipantUpdatedV1, ProgramCode } from '@waypoint/contracts';
import { applyParticipantRegistration, applyParticipantUpdate, type ParticipantDirectoryField } from '@waypoint/platform';
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

/** What the queue shows of a person, kept current from intake's corrections. */
const KEPT_FIELDS: readonly ParticipantDirectoryField[] = ['firstName', 'lastName', 'office', 'programsOfInterest'];

export interface PlanQueueQuery {
  office?: string;
  limit: number;
  cursor?: PlanQueueCursor;
}

@Injectable()
export class PlanQueueRepository {
  constructor(@InjectModel(PLAN_QUEUE_ENTRY_MODEL) private readonly model: Model<PlanQueueEntryDocument>) {}

  /**
   * Queues a newly registered participant. A redelivered registration changes nothing; one
   * arriving after an update completes the entry without overwriting the newer fields.
   */
  async enqueueRegistered(p: ParticipantRegisteredV1): Promise<void> {
    const { participantId, firstName, lastName, office, programsOfInterest } = p;
    const registeredAt = new Date(p.registeredAt);
    const entry = { firstName, lastName, office, programsOfInterest, registeredAt, status: 'awaiting_plan' as const };
    await applyParticipantRegistration(this.model, participantId, entry);
  }

  /** Applies a correction of names, office or programs, unless the entry already reflects it or a newer one. */
  async applyUpdate(update: ParticipantUpdatedV1): Promise<void> {
    await applyParticipantUpdate(this.model, update, KEPT_FIELDS);
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

function toPlanQueueItem(doc: PlanQueueEntryDocument): PlanQueueItem {
  const { _id, firstName, lastName, office, programsOfInterest, registeredAt, status } = doc;
  return { participantId: _id, firstName, lastName, office, programsOfInterest, registeredAt: new Date(registeredAt).toISOString(), status };
}
