import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';
import { deadLetterTopic, participantRegisteredV1, type EventEnvelope, type ParticipantRegisteredV1 } from '@waypoint/contracts';
import { JsonLogger } from '../logging/json-logger';
import { databaseName, namespaced } from '../namespace';
import { TopicReader, waitFor } from '../testing';
import { createEvent } from './create-event';
import { EventConsumer, type DeadLetterRecord } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { createKafka, ensureTopics } from './kafka-client';

const logger = new JsonLogger('consumer-test', 'error');

function registered(participantId = randomUUID()): EventEnvelope<ParticipantRegisteredV1> {
  return createEvent(participantRegisteredV1, participantId, {
    participantId,
    firstName: 'Test',
    lastName: 'Person',
    dateOfBirth: '1990-01-01',
    office: 'north-ajc',
    programsOfInterest: ['WIOA_ADULT'],
    registeredAt: new Date().toISOString(),
    registeredBy: 'tester',
  });
}

describe('EventConsumer against the real broker', () => {
  let kafka: Kafka;
  let connection: Connection;
  let publisher: EventPublisher;
  let raw: Producer;
  const consumers: EventConsumer[] = [];
  const readers: TopicReader[] = [];

  beforeAll(async () => {
    kafka = createKafka('consumer-test', (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','));
    connection = await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: databaseName('platformtest') })
      .asPromise();
    publisher = new EventPublisher(kafka);
    raw = kafka.producer();
    await raw.connect();
  });

  afterAll(async () => {
    for (const c of consumers) await c.close();
    for (const r of readers) await r.stop();
    await publisher.disconnect();
    await raw.disconnect();
    await connection.close();
  });

  /** A fresh topic and group per test, one partition so order (and blocking) is observable. */
  async function setup(handler: (e: EventEnvelope<ParticipantRegisteredV1>) => Promise<void>, extra: Partial<ConstructorParameters<typeof EventConsumer>[0]> = {}) {
    const topic = `consumer-test-${randomUUID()}`;
    const groupId = `consumer-test-${randomUUID()}`;
    await ensureTopics(kafka, [topic], 1);
    const consumer = new EventConsumer({
      kafka,
      connection,
      groupId,
      topics: [topic],
      logger: logger.child('test'),
      retryBackoffMs: 50,
      ...extra,
    }).on(participantRegisteredV1, handler);
    consumers.push(consumer);
    await consumer.start();
    const dlt = await new TopicReader(kafka, deadLetterTopic(groupId)).start();
    readers.push(dlt);
    return { topic, groupId, consumer, dlt };
  }

  it('dead-letters a message that is not JSON, with the reason, and goes on with the next one', async () => {
    const handled: string[] = [];
    const { topic, consumer, dlt } = await setup(async (e) => void handled.push(e.id));
    const good = registered();
    await raw.send({ topic: namespaced(topic), messages: [{ key: 'k', value: '{not json' }] });
    await publisher.publish([{ topic, envelope: good }]);

    await waitFor('the good event to be handled', () => handled.includes(good.id));
    const [record] = await waitFor('a dead-letter record', () => dlt.json<DeadLetterRecord>().length > 0 && dlt.json<DeadLetterRecord>());
    expect(record).toMatchObject({ reason: 'message value is not JSON', value: '{not json', attempts: 0 });
    expect(record.source.topic).toBe(namespaced(topic));
    expect(consumer.stats.deadLettered).toBe(1);
  });

  it('dead-letters an event whose data breaks its contract, naming the field', async () => {
    const handled: string[] = [];
    const { topic, dlt } = await setup(async (e) => void handled.push(e.id));
    const bad = { ...registered(), data: { participantId: 'x', firstName: 'A' } };
    await raw.send({ topic: namespaced(topic), messages: [{ key: 'x', value: JSON.stringify(bad) }] });
    const [record] = await waitFor('a dead-letter record', () => dlt.json<DeadLetterRecord>().length > 0 && dlt.json<DeadLetterRecord>());
    expect(record.reason).toContain('intake.participant.registered v1 breaks its contract');
    expect(record.reason).toContain('lastName');
    expect(handled).toHaveLength(0);
  });

  it('retries a failing handler, then dead-letters the event so the partition is not blocked', async () => {
    const attempts = new Map<string, number>();
    const poison = registered();
    const next = registered();
    const { topic, dlt, consumer } = await setup(async (e) => {
      attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
      if (e.id === poison.id) throw new Error('downstream refused');
    });
    await publisher.publish([{ topic, envelope: poison }]);
    await publisher.publish([{ topic, envelope: next }]);

    // Handled = the handler returned AND the event was marked processed (counted after both).
    await waitFor('the event after the poison one to be handled', () => attempts.get(next.id) === 1 && consumer.stats.handled === 1);
    expect(attempts.get(poison.id)).toBe(3);
    const [record] = await waitFor('a dead-letter record', () => dlt.json<DeadLetterRecord>().length > 0 && dlt.json<DeadLetterRecord>());
    expect(record).toMatchObject({ eventId: poison.id, eventType: 'intake.participant.registered', attempts: 3 });
    expect(record.reason).toContain('downstream refused');
    expect(consumer.stats.handled).toBe(1);
  });

  it('applies an event id once even when it is delivered twice', async () => {
    const handled: string[] = [];
    const event = registered();
    const { topic, consumer } = await setup(async (e) => void handled.push(e.id));
    await publisher.publish([{ topic, envelope: event }]);
    await publisher.publish([{ topic, envelope: event }]);
    const marker = registered();
    await publisher.publish([{ topic, envelope: marker }]);
    await waitFor('the marker event', () => handled.includes(marker.id));
    expect(handled.filter((id) => id === event.id)).toHaveLength(1);
    expect(consumer.stats.skippedDuplicates).toBe(1);
  });

  it('keeps its group membership while a handler runs longer than the session timeout', async () => {
    const handled: string[] = [];
    const slow = registered();
    const { topic, consumer } = await setup(
      async (e) => {
        if (e.id === slow.id) await new Promise((r) => setTimeout(r, 10_000));
        handled.push(e.id);
      },
      { sessionTimeoutMs: 6_000 },
    );
    const joinsBefore = consumer.stats.groupJoins;
    await publisher.publish([{ topic, envelope: slow }]);
    await waitFor('the slow event', () => handled.includes(slow.id), { timeoutMs: 30_000 });
    // No rebalance happened (a lost member would rejoin), and the event ran exactly once.
    expect(consumer.stats.groupJoins).toBe(joinsBefore);
    expect(handled).toEqual([slow.id]);
  });
});
