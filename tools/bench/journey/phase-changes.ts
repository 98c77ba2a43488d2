import { performance } from 'node:perf_hooks';
import type { Consumer, Kafka } from 'kafkajs';
import { Topics, type EventEnvelope, type JourneyPhase, type JourneyPhaseChangedV1, journeyPhaseChangedV1 } from '@waypoint/contracts';
import { namespaced } from '@waypoint/platform';

/** A journey.phase.changed event as the bench saw it arrive. */
export interface PhaseChange {
  phase: JourneyPhase;
  previousPhase?: JourneyPhase;
  /** performance.now() when the consumer handed the message to the bench. */
  receivedAt: number;
}

interface Waiter {
  resolve: (change: PhaseChange) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Reads the journey topic with its own consumer group and hands each journey.phase.changed
 * event to whoever waits for its causationId (the id of the signal that caused it). Events of
 * other runs on the same topic are skipped by their event id (`journey-<participant>:phase:n`,
 * and the bench's participant ids carry the run tag) before anything is parsed.
 */
export class PhaseChangeWatcher {
  private readonly consumer: Consumer;
  private readonly waiting = new Map<string, Waiter>();
  /** Phase changes of this run that nobody waited for (a step that was not expected to change the phase). */
  unexpected = 0;
  /** Copies of an event already handed over (an activity retried after Kafka had the event). */
  duplicates = 0;
  /** Phase changes of this run read so far. */
  received = 0;
  private readonly seen = new Set<string>();

  constructor(
    kafka: Kafka,
    private readonly runTag: string,
  ) {
    this.consumer = kafka.consumer({ groupId: namespaced(`journey-bench-${runTag}`), sessionTimeout: 30_000, maxWaitTimeInMs: 250 });
  }

  /** Resolves once the consumer has joined its group (so no event published after this is missed). */
  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: namespaced(Topics.journey), fromBeginning: true });
    const joined = new Promise<void>((resolve) => {
      const off = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const eventId = message.headers?.['event-id']?.toString() ?? '';
        if (!eventId.includes(this.runTag) || message.headers?.['event-type']?.toString() !== journeyPhaseChangedV1.type) return;
        const receivedAt = performance.now();
        if (this.seen.has(eventId)) {
          this.duplicates++;
          return;
        }
        this.seen.add(eventId);
        this.received++;
        const envelope = JSON.parse(message.value?.toString('utf8') ?? '{}') as EventEnvelope<JourneyPhaseChangedV1>;
        const waiter = envelope.causationId ? this.waiting.get(envelope.causationId) : undefined;
        if (!waiter) {
          this.unexpected++;
          return;
        }
        this.waiting.delete(envelope.causationId as string);
        clearTimeout(waiter.timer);
        waiter.resolve({ phase: envelope.data.phase, previousPhase: envelope.data.previousPhase, receivedAt });
      },
    });
    await joined;
  }

  /** The phase change caused by `causationId`; call it before sending the signal. Rejects after `timeoutMs`. */
  expect(causationId: string, timeoutMs: number): Promise<PhaseChange> {
    return new Promise<PhaseChange>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(causationId);
        reject(new Error(`no journey.phase.changed caused by ${causationId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(causationId, { resolve, reject, timer });
    });
  }

  /** Like expect, but `undefined` after `timeoutMs`: the probe asking whether a signal changes the phase at all. */
  maybe(causationId: string, timeoutMs: number): Promise<PhaseChange | undefined> {
    return this.expect(causationId, timeoutMs).catch(() => undefined);
  }

  /** Rejects every wait in progress with `reason` (the worker failed: nothing more will come). */
  failAll(reason: Error): void {
    for (const waiter of this.waiting.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(reason);
    }
    this.waiting.clear();
  }

  async stop(): Promise<void> {
    this.failAll(new Error('the phase-change watcher stopped'));
    await this.consumer.disconnect();
  }
}
