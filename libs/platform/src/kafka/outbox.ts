import { Schema, type Collection } from 'mongoose';
import type { EventEnvelope } from '@waypoint/contracts';
import type { ComponentLogger } from '../logging/json-logger';
import { faultPoint } from '../fault-points';
import type { DocumentWriteLock } from '../mongo/document-write-lock';
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
  /**
   * How often the relay sweeps the collection for pending documents it was not told about
   * (left by a crash, or written by another process). Kicked documents go at once. The
   * sweep is a query on `outboxPending`, which FerretDB 1.x answers by reading the whole
   * collection, so a sweep that took d ms is not repeated within 10·d ms (it never takes
   * more than a tenth of the time, however large the collection grows).
   */
  intervalMs?: number;
  batchSize?: number;
  /**
   * The collection's per-document write lock, taken by every writer of its documents. With
   * it the relay clears a document by `_id` alone after checking, inside the lock, that
   * nothing was appended (FerretDB 1.x reads the whole collection for `{ _id, outboxSeq }`).
   */
  lock?: DocumentWriteLock;
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
  /** Documents written since the last pass: drained by `_id`, without a sweep. */
  private readonly kickedIds = new Set<string>();
  private lastSweep = 0;
  /** The sweep's own cost sets a floor under its interval: at most a tenth of the time sweeping. */
  private sweepEveryMs: number;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  published = 0;
  quarantined = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.intervalMs = options.intervalMs ?? 500;
    this.sweepEveryMs = this.intervalMs;
    this.batchSize = options.batchSize ?? 100;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Publish soon: called right after a write so events do not wait for the next sweep.
   * With the document's `_id`, the next pass reads just that document.
   */
  kick(documentId?: unknown): void {
    if (documentId !== undefined) this.kickedIds.add(String(documentId));
    else this.lastSweep = 0;
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One sweep: publishes every pending document's events; returns how many documents it looked at. */
  async drainOnce(): Promise<number> {
    const docs = (await this.options.collection
      .find({ outboxPending: true }, { projection: { outbox: 1, outboxSeq: 1 } })
      .limit(this.batchSize)
      .toArray()) as unknown as PendingDoc[];
    await this.publishAndClear(docs);
    return docs.length;
  }

  /** Publishes the pending events of the documents kicked since the last pass, read by `_id`. */
  async drainKicked(): Promise<number> {
    const ids = [...this.kickedIds];
    this.kickedIds.clear();
    try {
      const found = await Promise.all(
        ids.map((_id) => this.options.collection.findOne({ _id } as never, { projection: { outbox: 1, outboxSeq: 1, outboxPending: 1 } })),
      );
      const docs = found.filter((d) => d?.outboxPending === true) as unknown as PendingDoc[];
      await this.publishAndClear(docs);
      return docs.length;
    } catch (err) {
      for (const id of ids) this.kickedIds.add(id);
      throw err;
    }
  }

  private async publishAndClear(docs: PendingDoc[]): Promise<void> {
    const { publisher } = this.options;
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
      const cleared = await this.clear(doc, {
        $set: { outbox: [], outboxPending: false },
        ...(quarantine.length ? { $push: { outboxQuarantine: { $each: quarantine } } } : {}),
      });
      if (quarantine.length && cleared) {
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
  }

  /** Clears what was published, unless events were appended meanwhile (then the next pass republishes). */
  private async clear(doc: PendingDoc, update: object): Promise<boolean> {
    const { collection, lock } = this.options;
    if (!lock) {
      const res = await collection.updateOne({ _id: doc._id, outboxSeq: doc.outboxSeq } as never, update as never);
      return res.modifiedCount === 1;
    }
    return lock.run(String(doc._id), async () => {
      const now = await collection.findOne({ _id: doc._id } as never, { projection: { outboxSeq: 1 } });
      if (now?.outboxSeq !== doc.outboxSeq) {
        this.kickedIds.add(String(doc._id));
        return false;
      }
      const res = await collection.updateOne({ _id: doc._id } as never, update as never);
      return res.modifiedCount === 1;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      let failed = false;
      try {
        if (this.kickedIds.size > 0) await this.drainKicked();
        if (Date.now() - this.lastSweep >= this.sweepEveryMs) {
          this.lastSweep = Date.now();
          const n = await this.drainOnce();
          this.sweepEveryMs = Math.max(this.intervalMs, 10 * (Date.now() - this.lastSweep));
          if (n >= this.batchSize) {
            this.lastSweep = 0;
            continue;
          }
        }
      } catch (err) {
        failed = true;
        this.options.logger.error('outbox relay pass failed; will retry', {
          relay: this.options.name,
          error: (err as Error).message,
        });
      }
      if (!this.running) break;
      // More to do (a kick, or a document whose clearing lost a race): go on at once; after a
      // failure, wait a little before retrying (Kafka or the database may be down).
      if (!failed && (this.kicked || this.kickedIds.size > 0)) continue;
      const untilSweep = this.sweepEveryMs - (Date.now() - this.lastSweep);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, failed ? Math.min(this.intervalMs, 1_000) : Math.max(0, untilSweep));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
