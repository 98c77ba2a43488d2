import { Kafka, logLevel, type Admin, type LogEntry } from 'kafkajs';
import type { JsonLogger } from '../logging/json-logger';
import { namespaced } from '../namespace';

/** One kafkajs client per process, logging through our JSON logger. */
export function createKafka(clientId: string, brokers: string[], logger?: JsonLogger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 10 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        if (!logger) return;
        const { message, ...rest } = log;
        const lvl = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';
        logger.write(lvl, `kafka: ${message}`, ['kafkajs'], rest as Record<string, unknown>);
      },
  });
}

/**
 * Creates the topics a process needs (idempotent, namespaced), so nobody depends on
 * auto-creation, and waits until each partition has a leader. Several services start at
 * once on a new broker and race to create the same topics: "already exists" and
 * "not hosted yet" answers are retried until the metadata is complete.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3, attempts = 20): Promise<void> {
  const wanted = [...new Set(topics.map(namespaced))];
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: false,
            topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
          });
        }
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: wanted });
        const leaderless = meta.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
        if (leaderless.length === 0) return;
        throw new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
      } catch (err) {
        if (attempt >= attempts) throw new Error(`could not create Kafka topics ${wanted.join(', ')}: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(250 * attempt, 2_000)));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
