import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, makeTelemetryFilterString, type InjectedSinks } from '@temporalio/worker';
import { createJourneyActivities } from '@waypoint/journey-activities';
import type { EventPublisher } from '@waypoint/platform';
import { performance } from 'node:perf_hooks';
import { bundleJourneyWorkflows, withWorkspaceAliases, WORKFLOWS_PATH } from '../../../apps/journey/src/worker/workflow-bundle';
import type { TrivialBenchSinks } from './trivial.workflow';

/** The journey worker's tuning: the journey service's configuration unless the bench's flags say otherwise. */
export interface WorkerTuning {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
}

/** What the workers really run with (the SDK's compiled options), for the report. */
export interface EffectiveTuning {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  workflowThreadPoolSize: number;
  reuseV8Context: boolean;
  maxHeapMiB: number;
}

export interface BenchWorkers {
  journey: Worker;
  trivial: Worker;
  journeyTuning: EffectiveTuning;
  /** Resolves once the journey worker has had nothing in flight for a second (signals without a visible effect are still being applied until then). */
  journeyIdle(timeoutMs: number): Promise<void>;
  /** Shuts both workers down and closes their connection. */
  stop(): Promise<void>;
}

/** SDK and core logs at WARN and above only, to stderr: the bench's own progress stays readable. */
export function installQuietRuntime(): void {
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
}

function effective(worker: Worker): EffectiveTuning {
  const o = worker.options;
  const slots = (supplier: unknown): number => (supplier as { numSlots?: number }).numSlots ?? Number.NaN;
  return {
    maxCachedWorkflows: o.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: slots(o.tuner.workflowTaskSlotSupplier),
    maxConcurrentActivityTaskExecutions: slots(o.tuner.activityTaskSlotSupplier),
    workflowThreadPoolSize: o.workflowThreadPoolSize,
    reuseV8Context: o.reuseV8Context,
    maxHeapMiB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
  };
}

/**
 * Two workers in this process on one connection: the real journey worker (the journey
 * service's workflow bundle and activities, publishing to Kafka) and a worker for the
 * trivial baseline workflow, each on its own task queue.
 */
export async function startBenchWorkers(opts: {
  address: string;
  namespace: string;
  journeyTaskQueue: string;
  trivialTaskQueue: string;
  publisher: Pick<EventPublisher, 'publish'>;
  tuning: WorkerTuning;
  /**
   * Diagnostic: modules the journey bundle evaluates once per worker and shares (deep-frozen)
   * instead of once per workflow (the SDK's `preloadModules`). Empty: the service's bundle as is.
   */
  preloadModules: string[];
  onTrivialCompleted: (workflowId: string) => void;
  /** A worker stopped running on its own (for example its workflow thread ran out of heap). */
  onWorkerFailed: (which: 'journey' | 'trivial', err: Error) => void;
}): Promise<BenchWorkers> {
  const connection = await NativeConnection.connect({ address: opts.address });
  const [journeyBundle, trivialBundle] = await Promise.all([
    opts.preloadModules.length === 0
      ? bundleJourneyWorkflows()
      : bundleWorkflowCode({
          workflowsPath: WORKFLOWS_PATH,
          webpackConfigHook: withWorkspaceAliases,
          preloadModules: opts.preloadModules,
          logger: silentBundlerLogger,
        }),
    bundleWorkflowCode({ workflowsPath: path.join(__dirname, 'trivial.workflow.ts'), logger: silentBundlerLogger }),
  ]);
  const sinks: InjectedSinks<TrivialBenchSinks> = {
    bench: { completed: { fn: (info) => opts.onTrivialCompleted(info.workflowId), callDuringReplay: false } },
  };
  const journey = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.journeyTaskQueue,
    workflowBundle: journeyBundle,
    activities: createJourneyActivities({ publisher: opts.publisher }),
    ...opts.tuning,
  });
  const trivial = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.trivialTaskQueue,
    workflowBundle: trivialBundle,
    sinks,
  });
  const running = [
    journey.run().catch((err: Error) => opts.onWorkerFailed('journey', err)),
    trivial.run().catch((err: Error) => opts.onWorkerFailed('trivial', err)),
  ];
  return {
    journey,
    trivial,
    journeyTuning: effective(journey),
    async journeyIdle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let idleSince: number | undefined;
      for (;;) {
        const st = journey.getStatus();
        const busy = st.numInFlightWorkflowActivations + st.numInFlightActivities > 0;
        idleSince = busy ? undefined : (idleSince ?? Date.now());
        if (idleSince !== undefined && Date.now() - idleSince >= 1_000) return;
        if (Date.now() > deadline) throw new Error(`the journey worker was still busy after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      for (const w of [journey, trivial]) if (w.getState() === 'RUNNING') w.shutdown();
      await Promise.allSettled(running);
      await connection.close();
    },
  };
}

/**
 * The publisher the journey activities get, timing every publish (one Kafka batch: acks from
 * all replicas, the process's one idempotent producer, one request in flight at a time).
 */
export class TimedPublisher implements Pick<EventPublisher, 'publish'> {
  /** Milliseconds per publish call, in call order; `reset` starts a new series. */
  timings: number[] = [];
  events = 0;

  constructor(private readonly inner: Pick<EventPublisher, 'publish'>) {}

  async publish(events: Parameters<EventPublisher['publish']>[0]): Promise<void> {
    const t0 = performance.now();
    await this.inner.publish(events);
    this.timings.push(performance.now() - t0);
    this.events += events.length;
  }

  reset(): void {
    this.timings = [];
    this.events = 0;
  }
}

const noop = (): void => undefined;
const silentBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, log: noop, error: (message: string) => process.stderr.write(`${message}\n`) };
