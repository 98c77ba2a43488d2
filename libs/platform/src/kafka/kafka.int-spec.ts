import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createKafka, ensureTopics } from './kafka-client';
import { namespaced } from '../namespace';
import { TopicReader, waitFor } from '../testing';

// Proof that kafkajs 2.2.4 works against the Kafka 4 broker the engines script runs,
// including the idempotent producer and consumer groups.
describe('kafkajs against the real broker', () => {
  let kafka: Kafka;
  beforeAll(() => {
    kafka = createKafka('kafka-proof', (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','));
  });

  it('delivers every message from an idempotent producer once, in order per key', async () => {
    const topic = `kafka-proof-${randomUUID()}`;
    await ensureTopics(kafka, [topic], 3);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (let batch = 0; batch < 4; batch++) {
      await producer.send({
        topic: namespaced(topic),
        acks: -1,
        messages: keys.flatMap((key) => Array.from({ length: 5 }, (_, i) => ({ key, value: `${key}:${batch * 5 + i}` }))),
      });
    }
    await producer.disconnect();

    const reader = await new TopicReader(kafka, topic).start();
    try {
      await waitFor('100 messages', () => reader.messages.length >= 100, { timeoutMs: 30_000 });
      expect(reader.messages).toHaveLength(100);
      for (const key of keys) {
        const seq = reader.messages.filter((m) => m.key === key).map((m) => Number(m.value!.split(':')[1]));
        expect(seq).toEqual(Array.from({ length: 20 }, (_, i) => i));
        // One key, one partition.
        expect(new Set(reader.messages.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
      }
    } finally {
      await reader.stop();
    }
  });

  it('shares partitions between two members of a consumer group and resumes from committed offsets', async () => {
    const topic = `kafka-group-${randomUUID()}`;
    const groupId = `group-${randomUUID()}`;
    await ensureTopics(kafka, [topic], 3);
    const seen: { member: string; value: string }[] = [];
    const member = async (name: string) => {
      const c = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
      await c.connect();
      await c.subscribe({ topic: namespaced(topic), fromBeginning: true });
      await c.run({ eachMessage: async ({ message }) => void seen.push({ member: name, value: message.value!.toString() }) });
      return c;
    };
    const m1 = await member('m1');
    const m2 = await member('m2');
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: namespaced(topic),
      messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    });
    await waitFor('30 messages across the group', () => seen.length >= 30, { timeoutMs: 30_000 });
    expect(new Set(seen.map((s) => s.value)).size).toBe(30);
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((s) => s.member)).size).toBe(2);

    await m1.disconnect();
    await m2.disconnect();
    seen.length = 0;
    await producer.send({ topic: namespaced(topic), messages: [{ key: 'late', value: 'after-restart' }] });
    await producer.disconnect();
    const m3 = await member('m3');
    try {
      await waitFor('the message sent while the group was down', () => seen.some((s) => s.value === 'after-restart'), {
        timeoutMs: 30_000,
      });
      // Committed offsets held: nothing consumed before the restart came again.
      expect(seen.map((s) => s.value)).toEqual(['after-restart']);
    } finally {
      await m3.disconnect();
    }
  });
});
