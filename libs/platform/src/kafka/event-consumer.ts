import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Connection } from 'mongoose';
import { deadLetterTopic, envelopeSchema, findContract, type EventContract, type EventEnvelope } from '@waypoint/contracts';
import type { ComponentLogger } from '../logging/json-logger';
import { runWithContext } from '../logging/request-context';
import { ensureTopics } from './kafka-client';
import { namespaced } from '../namespace';

export type EventHandler<TData> = (event: EventEnvelope<TData>) => Promise<void>;

interface Registration {
  contract: EventContract;
  handler: EventHandler<unknown>;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** Database where processed event ids are kept (the consuming service's own). */
  connection: Connection;
  logger: ComponentLogger;
  /** Attempts per message before it goes to the dead-letter topic. */
  maxAttempts?: number;
  /** A handler running longer than this counts as a failed attempt. */
  handlerTimeoutMs?: number;
  retryBackoffMs?: number;
  /** Group membership is lost after this long without a heartbeat (kafkajs default 30 s). */
  sessionTimeoutMs?: number;
  fromBeginning?: boolean;
}

export interface DeadLetterRecord {
  reason: string;
  group: string;
  source: { topic: string; partition: number; offset: string; key: string | null };
  eventId?: string;
  eventType?: string;
  attempts: number;
  failedAt: string;
  value: string | null;
}

class PoisonMessage extends Error {}

/**
 * An idempotent consumer group member:
 * - every message is parsed against its contract before any handler runs; an unparseable
 *   or contract-breaking message goes straight to the dead-letter topic with the reason;
 * - a handler that keeps failing is retried a few times, then dead-lettered, so it never
 *   blocks its partition;
 * - a slow handler keeps heartbeating, so it never costs the member its group membership;
 * - an event id already processed by this group is skipped (delivery is at least once).
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Registration>();
  private consumer?: Consumer;
  private readonly processed;
  private readonly maxAttempts: number;
  private readonly handlerTimeoutMs: number;
  private readonly retryBackoffMs: number;
  private readonly sessionTimeoutMs: number;
  readonly stats = { handled: 0, skippedDuplicates: 0, deadLettered: 0, ignored: 0, groupJoins: 0 };

  constructor(private readonly options: EventConsumerOptions) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? (Number(process.env.KAFKA_SESSION_TIMEOUT_MS) || 30_000);
    this.handlerTimeoutMs = options.handlerTimeoutMs ?? 120_000;
    this.retryBackoffMs = options.retryBackoffMs ?? 250;
    this.processed = options.connection.collection<{ _id: string; group: string; processedAt: Date }>('processed_events');
  }

  on<TData>(contract: EventContract<string, TData>, handler: EventHandler<TData>): this {
    this.handlers.set(`${contract.type}@${contract.version}`, { contract, handler: handler as EventHandler<unknown> });
    return this;
  }

  async start(): Promise<void> {
    const { kafka, groupId, topics } = this.options;
    this.consumer = kafka.consumer({
      groupId: namespaced(groupId),
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(this.sessionTimeoutMs / 3)),
      rebalanceTimeout: 60_000,
      allowAutoTopicCreation: false,
    });
    await ensureTopics(kafka, [...topics, deadLetterTopic(groupId)]);
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.stats.groupJoins++;
    });
    await this.consumer.connect();
    for (const topic of topics) {
      await this.consumer.subscribe({ topic: namespaced(topic), fromBeginning: this.options.fromBeginning ?? true });
    }
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        await this.handleMessage(topic, partition, message, heartbeat);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { logger, groupId } = this.options;
    const raw = message.value?.toString('utf8') ?? null;
    let envelope: EventEnvelope;
    let registration: Registration | undefined;
    try {
      ({ envelope, registration } = this.parse(raw));
    } catch (err) {
      await this.deadLetter(topic, partition, message, (err as Error).message, 0);
      return;
    }
    if (!registration) {
      this.stats.ignored++;
      return;
    }
    const processedId = `${groupId}:${envelope.id}`;
    if (await this.processed.findOne({ _id: processedId })) {
      this.stats.skippedDuplicates++;
      logger.debug('duplicate event skipped', { eventId: envelope.id, type: envelope.type });
      return;
    }
    const beat = setInterval(() => heartbeat().catch(() => undefined), Math.min(2_000, this.sessionTimeoutMs / 4));
    try {
      let lastError: Error | undefined;
      for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
        try {
          await runWithContext(
            { correlationId: envelope.correlationId, causationId: envelope.id, actor: envelope.actor },
            () => this.withTimeout(registration!.handler(envelope)),
          );
          await this.processed.updateOne(
            { _id: processedId },
            { $setOnInsert: { group: groupId, processedAt: new Date() } },
            { upsert: true },
          );
          this.stats.handled++;
          return;
        } catch (err) {
          lastError = err as Error;
          logger.warn('event handler failed', {
            eventId: envelope.id,
            type: envelope.type,
            attempt,
            error: lastError.message,
            correlationId: envelope.correlationId,
          });
          if (attempt < this.maxAttempts) await sleep(this.retryBackoffMs * 2 ** (attempt - 1));
        }
      }
      await this.deadLetter(topic, partition, message, `handler failed ${this.maxAttempts} times: ${lastError?.message}`, this.maxAttempts, envelope);
    } finally {
      clearInterval(beat);
    }
  }

  private parse(raw: string | null): { envelope: EventEnvelope; registration?: Registration } {
    if (raw === null) throw new PoisonMessage('message has no value');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new PoisonMessage('message value is not JSON');
    }
    const env = envelopeSchema.safeParse(json);
    if (!env.success) {
      throw new PoisonMessage(
        `not a valid event envelope: ${env.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
    }
    const envelope = env.data as EventEnvelope;
    const registration = this.handlers.get(`${envelope.type}@${envelope.version}`);
    const contract = registration?.contract ?? findContract(envelope.type, envelope.version);
    if (contract) {
      const data = contract.data.safeParse(envelope.data);
      if (!data.success) {
        throw new PoisonMessage(
          `${envelope.type} v${envelope.version} breaks its contract: ${data.error.issues
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      }
      envelope.data = data.data;
    }
    return { envelope, registration };
  }

  private withTimeout(p: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout;
    return Promise.race([
      p,
      new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`handler timed out after ${this.handlerTimeoutMs} ms`)), this.handlerTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
    attempts: number,
    envelope?: EventEnvelope,
  ): Promise<void> {
    const { kafka, groupId, logger } = this.options;
    const record: DeadLetterRecord = {
      reason,
      group: groupId,
      source: { topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null },
      ...(envelope ? { eventId: envelope.id, eventType: envelope.type } : {}),
      attempts,
      failedAt: new Date().toISOString(),
      value: message.value?.toString('utf8') ?? null,
    };
    const producer = await this.deadLetterProducer(kafka);
    await producer.send({
      topic: namespaced(deadLetterTopic(groupId)),
      acks: -1,
      messages: [{ key: message.key, value: JSON.stringify(record), headers: { 'dlt-reason': reason.slice(0, 500) } }],
    });
    this.stats.deadLettered++;
    logger.error('event dead-lettered', { group: groupId, topic, partition, offset: message.offset, reason });
  }

  private dltProducer?: Promise<import('kafkajs').Producer>;
  private deadLetterProducer(kafka: Kafka): Promise<import('kafkajs').Producer> {
    this.dltProducer ??= (async () => {
      const p = kafka.producer({ allowAutoTopicCreation: true });
      await p.connect();
      return p;
    })();
    return this.dltProducer;
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.dltProducer) await (await this.dltProducer).disconnect();
    this.dltProducer = undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
