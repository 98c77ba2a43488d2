import type { EventEnvelope } from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { namespaced } from '../namespace';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads everything on a topic (from the beginning) with a throw-away consumer group, so a
 * test can assert what was really published. Topic names are namespaced like the code's.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `test-reader-${randomUUID()}`, sessionTimeout: 10_000 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: namespaced(this.topic), fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
        });
      },
    });
    return this;
  }

  /** Parsed JSON values of messages whose value matches `filter`. */
  json<T = Record<string, unknown>>(filter: (v: T) => boolean = () => true): T[] {
    return this.messages.flatMap((m) => (m.value ? [JSON.parse(m.value) as T] : [])).filter(filter);
  }

  /**
   * The event envelopes read so far, each event once: delivery is at least once (a relay may
   * publish an event again after a write raced its clearing), so count events by id.
   */
  events<T extends { id: string } = EventEnvelope>(filter: (v: T) => boolean = () => true): T[] {
    return [...new Map(this.json<T>(filter).map((e) => [e.id, e])).values()];
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
