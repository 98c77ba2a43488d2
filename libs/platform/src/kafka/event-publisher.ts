import type { Kafka, Producer } from 'kafkajs';
import { findContract, type EventEnvelope } from '@waypoint/contracts';
import { namespaced } from '../namespace';

export interface PublishableEvent {
  topic: string;
  envelope: EventEnvelope;
}

/** Raised when an event does not match its published contract: a bug, never sent. */
export class ContractViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

/**
 * Publishes envelopes with kafkajs's idempotent producer (acks=all, broker-side dedupe of
 * retries), keyed by participantId so one person's events stay in order.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    // An idempotent producer keeps retrying (kafkajs warns about EoS otherwise); the outbox
    // relay simply waits for Kafka to come back, keeping per-document order.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 30_000 },
    });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async publish(events: PublishableEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const e of events) validateEnvelope(e.envelope);
    await this.connect();
    const byTopic = new Map<string, PublishableEvent[]>();
    for (const e of events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: namespaced(topic),
        messages: list.map(({ envelope }) => ({
          key: envelope.participantId,
          value: JSON.stringify(envelope),
          headers: {
            'event-id': envelope.id,
            'event-type': envelope.type,
            'event-version': String(envelope.version),
            'correlation-id': envelope.correlationId,
          },
        })),
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}

export function validateEnvelope(envelope: EventEnvelope): void {
  const contract = findContract(envelope.type, envelope.version);
  if (!contract) throw new ContractViolationError(`No contract for ${envelope.type} v${envelope.version}`);
  const result = contract.data.safeParse(envelope.data);
  if (!result.success) {
    throw new ContractViolationError(
      `${envelope.type} v${envelope.version} does not match its contract: ${result.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
}
