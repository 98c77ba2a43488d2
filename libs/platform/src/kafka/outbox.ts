import { Schema, type Collection } from 'mongoose';
import type { EventEnvelope } from '@waypoint/contracts';
import type { ComponentLogger } from '../logging/json-logger';
import { faultPoint } from '../fault-points';
import { ContractViolationError, validateEnvelope, type EventPublisher, type PublishableEvent } from './event-publisher';

/**
 * The transactional outbox without transactions: a state change and the events it causes
 * are written in ONE document update (atomic in MongoDB and FerretDB alike). A relay then
 * publishes the pending events and clears them. A crash after the write leaves the events
 * in the document, and the relay publishes them after restart: delivery is at least once,
 * and consumers are idempotent by event id.
 */
export interface OutboxFields {
  outbox: PublishableEvent[];
  outboxPending: boolean;
  outboxSeq: number;
}

/** Add to a mongoose schema definition of any aggregate that emits events. */
export const outboxSchemaFields = {
  outbox: { type: Schema.Types.Mixed as unknown as PublishableEvent[], default: () => [] },
  outboxPending: { type: Boolean, default: false, index: true },
  outboxSeq: { type: Number, default: 0 },
};

/**
 * The events as they will be stored AND later published: a JSON round trip first (so an
 * `undefined` field is dropped here, not turned into `null` by the database and then
 * refused by the relay), then checked against their contracts.
 */
function checked(events: PublishableEvent[]): PublishableEvent[] {
  const stored = events.map((e) => ({ topic: e.topic, envelope: JSON.parse(JSON.stringify(e.envelope)) as EventEnvelope }));
  for (const e of stored) validateEnvelope(e.envelope);
  return stored;
}

/** Outbox fields for a new document. */
export function outboxForInsert(events: PublishableEvent[]): OutboxFields {
  return { outbox: checked(events), outboxPending: events.length > 0, outboxSeq: 1 };
}

/** Update operators that append events to an existing document's outbox, atomically with `$set`. */
export function outboxForUpdate(events: PublishableEvent[]): {
  $push: { outbox: { $each: PublishableEvent[] } };
  $set: { outboxPending: true };
  $inc: { outboxSeq: 1 };
} {
  return { $push: { outbox: { $each: checked(events) } }, $set: { outboxPending: true }, $inc: { outboxSeq: 1 } };
}

export interface OutboxRelayOptions {
  name: string;
  collection: Collection;
  publisher: EventPublisher;
  logger: ComponentLogger;
  intervalMs?: number;
  batchSize?: number;
}

interface PendingDoc {
  _id: unknown;
  outbox: { topic: string; envelope: EventEnvelope }[];
  outboxSeq: number;
}

/**
 * Where a document's events go when they can never be published (they break their
 * contract: a bug, since every event is checked when it is stored). They stay in the
 * document, with the reason, for an operator to repair and re-queue; the relay goes on
 * with the other documents instead of retrying the same poison forever.
 */
export interface OutboxQuarantine {
  at: Date;
  reason: string;
  event: PublishableEvent;
}

export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private kicked = false;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  published = 0;
  quarantined = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Publish soon: called right after a write so events do not wait for the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One pass: publishes every pending document's events; returns how many documents it cleared. */
  async drainOnce(): Promise<number> {
    const { collection, publisher } = this.options;
    const docs = (await collection
      .find({ outboxPending: true }, { projection: { outbox: 1, outboxSeq: 1 } })
      .limit(this.batchSize)
      .toArray()) as unknown as PendingDoc[];
    let count = 0;
    for (const doc of docs) {
      // An event that breaks its contract can never be published: set it aside (below) and
      // publish the rest, rather than retrying the same poison forever and blocking the relay.
      const quarantine: OutboxQuarantine[] = [];
      const valid = doc.outbox.filter((event) => {
        try {
          validateEnvelope(event.envelope);
          return true;
        } catch (err) {
          if (!(err instanceof ContractViolationError)) throw err;
          quarantine.push({ at: new Date(), reason: err.message, event });
          return false;
        }
      });
      if (valid.length > 0) {
        await publisher.publish(valid);
        faultPoint('outbox-after-publish');
      }
      // Clear only if nothing was appended meanwhile; otherwise the next pass republishes
      // (harmless: consumers dedupe by event id).
      const res = await collection.updateOne(
        { _id: doc._id, outboxSeq: doc.outboxSeq } as never,
        {
          $set: { outbox: [], outboxPending: false },
          ...(quarantine.length ? { $push: { outboxQuarantine: { $each: quarantine } } } : {}),
        } as never,
      );
      if (quarantine.length && res.modifiedCount === 1) {
        this.quarantined += quarantine.length;
        this.options.logger.error('outbox events break their contract; kept in the document (outboxQuarantine) for repair', {
          relay: this.options.name,
          documentId: String(doc._id),
          events: quarantine.map((q) => ({ id: q.event.envelope.id, type: q.event.envelope.type, reason: q.reason })),
        });
      }
      count += valid.length;
    }
    this.published += count;
    return docs.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      try {
        const n = await this.drainOnce();
        if (n >= this.batchSize) continue;
      } catch (err) {
        this.options.logger.error('outbox relay pass failed; will retry', {
          relay: this.options.name,
          error: (err as Error).message,
        });
      }
      if (!this.running || this.kicked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.intervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
