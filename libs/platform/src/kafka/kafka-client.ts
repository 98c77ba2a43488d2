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

/** Creates the topics a process needs (idempotent, namespaced), so nobody depends on auto-creation. */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics.map(namespaced))].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
