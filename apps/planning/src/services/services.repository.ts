import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentWriteLocks, outboxForInsert, outboxForUpdate, type OutboxFields, type PublishableEvent } from '@waypoint/platform';
import { CaseFileIndex } from '../case-file/case-file-index';
import { newestFirst } from '../shared/order';
import { SERVICE_MODEL, type ServiceDocument, type StoredServiceHistoryEntry } from './service.schema';

/** How many services one list returns at most (newest first). */
export const SERVICE_LIST_MAX = 500;

export type StoredService = Omit<ServiceDocument, keyof OutboxFields>;

@Injectable()
export class ServicesRepository {
  constructor(
    @InjectModel(SERVICE_MODEL) private readonly model: Model<ServiceDocument>,
    private readonly locks: DocumentWriteLocks,
    private readonly caseFile: CaseFileIndex,
  ) {}

  /** The service and its event in one document write (filed in the person's case file first). */
  async insertWithEvents(doc: StoredService, events: PublishableEvent[]): Promise<StoredService> {
    await this.caseFile.file(doc.participantId, 'services', doc._id);
    await this.model.collection.insertOne({ ...doc, ...outboxForInsert(events) } as never);
    return doc;
  }

  /** By `_id` alone (FerretDB 1.x reads the whole collection for any other filter). */
  findById(id: string): Promise<StoredService | null> {
    return this.model.findById(id, { outbox: 0, outboxQuarantine: 0 }).lean<StoredService>().exec();
  }

  /** The person's services, newest first (by start date, then when recorded); read by `_id` through the case file. */
  async list(participantId: string): Promise<StoredService[]> {
    const services = await this.caseFile.records(participantId, 'services', (id) => this.findById(id));
    return services.sort(newestFirst((s) => [s.startOn, new Date(s.recordedAt).toISOString()])).slice(0, SERVICE_LIST_MAX);
  }

  /**
   * The new status, dates and history entry, with the event, if the stored version is still
   * `expectedVersion`; false when someone changed the service first. Inside the collection's
   * write lock the version is read by `_id` and the update is by `_id` (a `{ _id, version }`
   * filter is a whole-collection read on FerretDB 1.x).
   */
  async changeIfVersion(
    id: string,
    expectedVersion: number,
    change: Pick<ServiceDocument, 'status' | 'startOn' | 'endOn'> & { entry: StoredServiceHistoryEntry },
    events: PublishableEvent[],
  ): Promise<boolean> {
    const lock = this.locks.for(this.model.collection.collectionName);
    return lock.run(id, async () => {
      const now = await this.model.collection.findOne({ _id: id } as never, { projection: { version: 1 } });
      if (now?.version !== expectedVersion) return false;
      const outbox = outboxForUpdate(events);
      const { entry, status, startOn, endOn } = change;
      await this.model.collection.updateOne({ _id: id } as never, {
        $set: { ...outbox.$set, status, startOn, ...(endOn !== undefined ? { endOn } : {}), version: expectedVersion + 1 },
        $push: { history: entry, outbox: outbox.$push.outbox },
        $inc: outbox.$inc,
      } as never);
      return true;
    });
  }
}
