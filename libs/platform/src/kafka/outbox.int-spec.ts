import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';
import { participantRegisteredV1, type EventEnvelope } from '@waypoint/contracts';
import { JsonLogger } from '../logging/json-logger';
import { databaseName } from '../namespace';
import { TopicReader, waitFor } from '../testing';
import { createEvent } from './create-event';
import { EventPublisher, type PublishableEvent } from './event-publisher';
import { createKafka, ensureTopics } from './kafka-client';
import { DocumentWriteLock } from '../mongo/document-write-lock';
import { OutboxRelay, outboxForInsert, outboxForUpdate } from './outbox';

const logger = new JsonLogger('outbox-test', 'error').child('outbox');

function eventFor(participantId: string, topic: string): PublishableEvent {
  const envelope = createEvent(participantRegisteredV1, participantId, {
    participantId,
    firstName: 'Out',
    lastName: 'Box',
    dateOfBirth: '1985-05-05',
    office: 'north-ajc',
    programsOfInterest: ['SNAP_ET'],
    registeredAt: new Date().toISOString(),
    registeredBy: 'tester',
  });
  return { topic, envelope };
}

describe('OutboxRelay against real FerretDB and Kafka', () => {
  let kafka: Kafka;
  let connection: Connection;
  let publisher: EventPublisher;
  let topic: string;
  let reader: TopicReader;

  beforeAll(async () => {
    kafka = createKafka('outbox-test', (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','));
    connection = await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: databaseName('platformtest') })
      .asPromise();
    publisher = new EventPublisher(kafka);
    topic = `outbox-test-${randomUUID()}`;
    await ensureTopics(kafka, [topic], 3);
    reader = await new TopicReader(kafka, topic).start();
  });

  afterAll(async () => {
    await reader.stop();
    await publisher.disconnect();
    await connection.close();
  });

  const ids = (events: EventEnvelope[]) => events.map((e) => e.id).sort();

  it('publishes events a crashed writer left in documents, then clears them', async () => {
    const collection = connection.collection(`aggregates_${randomUUID().slice(0, 8)}`);
    // The writer stored state + events atomically and "crashed" before any relay ran.
    const pending = [randomUUID(), randomUUID()].map((id) => ({ id, event: eventFor(id, topic) }));
    for (const p of pending) await collection.insertOne({ _id: p.id as never, name: 'x', ...outboxForInsert([p.event]) });

    const relay = new OutboxRelay({ name: 'test', collection: collection as never, publisher, logger, intervalMs: 100 });
    relay.start();
    try {
      const expected = ids(pending.map((p) => p.event.envelope));
      await waitFor('both events on the topic', () =>
        expected.every((id) => reader.json<EventEnvelope>().some((e) => e.id === id)),
      );
      await waitFor('outboxes cleared', async () => (await collection.countDocuments({ outboxPending: true })) === 0);
      const doc = await collection.findOne({ _id: pending[0].id as never });
      expect(doc).toMatchObject({ outbox: [], outboxPending: false, name: 'x' });
    } finally {
      await relay.stop();
    }
  });

  it.each([
    ['a conditional update', false],
    ['the write lock, clearing by _id', true],
  ])('never drops an event appended while the relay was publishing the earlier ones (clearing with %s)', async (_how, withLock) => {
    const collection = connection.collection(`aggregates_${randomUUID().slice(0, 8)}`);
    const id = randomUUID();
    const first = eventFor(id, topic);
    const second = eventFor(id, topic);
    await collection.insertOne({ _id: id as never, ...outboxForInsert([first]) });
    // A publisher that lets another writer append an event mid-publish.
    let appended = false;
    const racing = {
      publish: async (events: PublishableEvent[]) => {
        await publisher.publish(events);
        if (!appended) {
          appended = true;
          const append = () => collection.updateOne({ _id: id as never }, { ...outboxForUpdate([second]), $set: { outboxPending: true, touched: true } } as never);
          await (withLock ? lock.run(id, append) : append());
        }
      },
    } as unknown as EventPublisher;
    const lock = new DocumentWriteLock();
    const relay = new OutboxRelay({ name: 'race', collection: collection as never, publisher: racing, logger, intervalMs: 100, ...(withLock ? { lock } : {}) });
    relay.start();
    try {
      await waitFor('the appended event on the topic', () => reader.json<EventEnvelope>().some((e) => e.id === second.envelope.id));
      await waitFor('outbox cleared', async () => (await collection.countDocuments({ _id: id as never, outboxPending: true } as never)) === 0);
      expect(reader.json<EventEnvelope>().some((e) => e.id === first.envelope.id)).toBe(true);
    } finally {
      await relay.stop();
    }
  });

  it('publishes a kicked document at once, by _id, without waiting for the next sweep', async () => {
    const collection = connection.collection(`aggregates_${randomUUID().slice(0, 8)}`);
    const relay = new OutboxRelay({ name: 'kicked', collection, publisher, logger, intervalMs: 600_000, lock: new DocumentWriteLock() });
    relay.start();
    try {
      // The start-up sweep has run (nothing pending); the next is ten minutes away.
      await new Promise((r) => setTimeout(r, 300));
      const id = randomUUID();
      const event = eventFor(id, topic);
      await collection.insertOne({ _id: id as never, ...outboxForInsert([event]) });
      relay.kick(id);
      await waitFor('the kicked event', () => reader.events().some((e) => e.id === event.envelope.id), { timeoutMs: 10_000 });
      await waitFor('outbox cleared', async () => (await collection.countDocuments({ _id: id as never, outboxPending: true } as never)) === 0);
      // A document nobody kicked waits for the sweep.
      const unkicked = eventFor(randomUUID(), topic);
      await collection.insertOne({ _id: unkicked.envelope.participantId as never, ...outboxForInsert([unkicked]) });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(reader.events().some((e) => e.id === unkicked.envelope.id)).toBe(false);
    } finally {
      await relay.stop();
    }
  });

  it('sets aside an event that breaks its contract and publishes the rest, instead of blocking', async () => {
    const collection = connection.collection(`aggregates_${randomUUID().slice(0, 8)}`);
    const [poisoned, healthy] = [randomUUID(), randomUUID()];
    const good = eventFor(poisoned, topic);
    const bad = eventFor(poisoned, topic);
    // Written around the checks (as a bug or a hand edit could): null where a date belongs.
    (bad.envelope.data as Record<string, unknown>).dateOfBirth = null;
    await collection.insertOne({ _id: poisoned as never, outbox: [bad, good], outboxPending: true, outboxSeq: 1 });
    const later = eventFor(healthy, topic);
    await collection.insertOne({ _id: healthy as never, ...outboxForInsert([later]) });

    const relay = new OutboxRelay({ name: 'poison', collection, publisher, logger });
    await relay.drainOnce();

    await waitFor('the valid events of both documents', () =>
      [good, later].every((e) => reader.json<EventEnvelope>().some((m) => m.id === e.envelope.id)),
    );
    expect(reader.json<EventEnvelope>().some((m) => m.id === bad.envelope.id)).toBe(false);
    expect(relay.quarantined).toBe(1);
    const doc = await collection.findOne({ _id: poisoned as never });
    expect(doc).toMatchObject({ outbox: [], outboxPending: false });
    expect(doc?.outboxQuarantine).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/dateOfBirth/), event: expect.objectContaining({ envelope: expect.objectContaining({ id: bad.envelope.id }) }) }),
    ]);
  });

  it('stores events as they will be published: an undefined field is dropped, not turned into null', async () => {
    const collection = connection.collection(`aggregates_${randomUUID().slice(0, 8)}`);
    const id = randomUUID();
    const event = eventFor(id, topic);
    (event.envelope as unknown as Record<string, unknown>).causationId = undefined;
    await collection.insertOne({ _id: id as never, ...outboxForInsert([event]) });
    const stored = await collection.findOne({ _id: id as never });
    expect(Object.keys(stored?.outbox[0].envelope)).not.toContain('causationId');
    const relay = new OutboxRelay({ name: 'undefined-fields', collection, publisher, logger });
    await relay.drainOnce();
    expect(relay.quarantined).toBe(0);
    await waitFor('the event', () => reader.json<EventEnvelope>().some((m) => m.id === event.envelope.id));
  });

  it('refuses to store an event that breaks its contract', () => {
    const bad = eventFor(randomUUID(), topic);
    (bad.envelope.data as Record<string, unknown>).dateOfBirth = 'yesterday';
    expect(() => outboxForInsert([bad])).toThrow(/does not match its contract: dateOfBirth/);
  });
});
