/**
 * Benchmark of the participant journey on the local Temporal server, in one process:
 *
 *   npm run bench:journey -- [--journeys 10000] [--concurrency 32] [--warmup 50] [--trivial N]
 *     [--max-cached-workflows N] [--max-concurrent-workflow-tasks N] [--max-concurrent-activities N]
 *
 * Runs the real journey worker (the journey service's workflow bundle and activities,
 * publishing to Kafka) and a worker for a trivial workflow on their own task queues, starts
 * the journeys with signal-with-start as the bridge does, signals each through the steps
 * after registration, and times every operation to its effect: the journey.phase.changed
 * event read back from Kafka (matched by causationId = the signal's event id), or the
 * trivial workflow having run. Prints a table and writes .run/bench/journey-<time>.json.
 * Terminates the journeys it started (they would wait for years). Namespace: WCM_NAMESPACE,
 * `bench` when unset. What each figure means: docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { Topics } from '@waypoint/contracts';
import { JOURNEY_WORKFLOW_TYPE, journeyWorkflowId, participantRegisteredSignal, type JourneyInput } from '@waypoint/journey-workflows';
import { createKafka, ensureTopics, EventPublisher, namespaced } from '@waypoint/platform';
import { workspaceRoot } from '@waypoint/platform/testing';
import { loadJourneyConfig } from '../../apps/journey/src/config';
import { log, progress } from './bench-setup';
import { installQuietRuntime, startBenchWorkers, TimedPublisher, type WorkerTuning } from './journey/bench-workers';
import { benchParticipant, JOURNEY_STEPS, registeredSignal, type BenchParticipant, type JourneyStep } from './journey/journey-signals';
import { formatJourneyReport, wave, type JourneyBenchResult, type WaveResult } from './journey/journey-report';
import { MemorySampler } from './journey/memory-sampler';
import { PhaseChangeWatcher } from './journey/phase-changes';
import type { trivialBench } from './journey/trivial.workflow';
import { runAtConcurrency } from './load-runner';
import { machineInfo } from './report';

process.env.WCM_NAMESPACE ||= 'bench';

/** Longest wait for one operation's effect before the run fails (a lost event is a bug, not a slow answer). */
const EFFECT_TIMEOUT_MS = 120_000;
/** How long the probe journey waits to learn whether a step changes the phase. */
const PROBE_WAIT_MS = 10_000;

interface Options {
  journeys: number;
  concurrency: number;
  warmup: number;
  trivial: number;
  /** Journeys (and trivial workflows) run one at a time after the main waves: latency without queueing. */
  solo: number;
  /** Worker tuning given on the command line (the rest comes from the journey service's configuration). */
  tuning: Partial<WorkerTuning>;
  /** Diagnostic: modules shared by every journey in the worker instead of evaluated per journey. */
  preloadModules: string[];
}

const USAGE =
  'usage: journey-bench.ts [--journeys 10000] [--concurrency 32] [--warmup 50] [--trivial <journeys>] [--solo 100] ' +
  '[--max-cached-workflows N] [--max-concurrent-workflow-tasks N] [--max-concurrent-activities N] [--preload-modules zod,@waypoint/contracts]';

const FLAGS = [
  'journeys',
  'concurrency',
  'warmup',
  'trivial',
  'solo',
  'max-cached-workflows',
  'max-concurrent-workflow-tasks',
  'max-concurrent-activities',
] as const;
type Flag = (typeof FLAGS)[number];

function parseOptions(argv: string[]): Options {
  const given = new Map<Flag, number>();
  let preloadModules: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--preload-modules') {
      preloadModules = (argv[i + 1] ?? '').split(',').filter(Boolean);
      continue;
    }
    const flag = argv[i].replace(/^--/, '') as Flag;
    const value = Number(argv[i + 1]);
    if (!argv[i].startsWith('--') || !FLAGS.includes(flag)) throw new Error(`${USAGE}\n(unknown option ${argv[i]})`);
    const least = flag === 'warmup' || flag === 'solo' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) throw new Error(`${USAGE}\n(${argv[i]} needs a whole number of at least ${least}, got ${argv[i + 1] ?? 'nothing'})`);
    given.set(flag, value);
  }
  const journeys = given.get('journeys') ?? 10_000;
  return {
    journeys,
    concurrency: given.get('concurrency') ?? 32,
    warmup: given.get('warmup') ?? 50,
    trivial: given.get('trivial') ?? journeys,
    solo: given.get('solo') ?? 100,
    preloadModules,
    tuning: {
      ...(given.has('max-cached-workflows') ? { maxCachedWorkflows: given.get('max-cached-workflows') } : {}),
      ...(given.has('max-concurrent-workflow-tasks') ? { maxConcurrentWorkflowTaskExecutions: given.get('max-concurrent-workflow-tasks') } : {}),
      ...(given.has('max-concurrent-activities') ? { maxConcurrentActivityTaskExecutions: given.get('max-concurrent-activities') } : {}),
    },
  };
}

/** The commit the workflow code comes from, and whether the bundle had uncommitted changes of it. */
function workflowCodeVersion(): string {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'libs/journey/workflows', 'libs/journey/activities', 'libs/journey/domain');
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' plus uncommitted changes in libs/journey' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const runTag = randomUUID().slice(0, 8);
  const config = loadJourneyConfig();
  const journeyTaskQueue = namespaced(`journey-bench-${runTag}`);
  const trivialTaskQueue = namespaced(`trivial-bench-${runTag}`);
  const C = opts.concurrency;
  const notes: string[] = [];
  const tuning: WorkerTuning = {
    maxCachedWorkflows: opts.tuning.maxCachedWorkflows ?? config.JOURNEY_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: opts.tuning.maxConcurrentWorkflowTaskExecutions ?? config.JOURNEY_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: opts.tuning.maxConcurrentActivityTaskExecutions ?? config.JOURNEY_MAX_CONCURRENT_ACTIVITIES,
  };
  const tuningSource: Record<keyof WorkerTuning, string> = {
    maxCachedWorkflows: opts.tuning.maxCachedWorkflows === undefined ? 'JOURNEY_MAX_CACHED_WORKFLOWS' : '--max-cached-workflows',
    maxConcurrentWorkflowTaskExecutions:
      opts.tuning.maxConcurrentWorkflowTaskExecutions === undefined ? 'JOURNEY_MAX_CONCURRENT_WORKFLOW_TASKS' : '--max-concurrent-workflow-tasks',
    maxConcurrentActivityTaskExecutions:
      opts.tuning.maxConcurrentActivityTaskExecutions === undefined ? 'JOURNEY_MAX_CONCURRENT_ACTIVITIES' : '--max-concurrent-activities',
  };

  installQuietRuntime();
  const kafka = createKafka('journey-bench', config.KAFKA_BROKERS);
  await ensureTopics(kafka, [Topics.journey]);
  const publisher = new EventPublisher(kafka);
  await publisher.connect();
  const timedPublisher = new TimedPublisher(publisher);
  const watcher = new PhaseChangeWatcher(kafka, runTag);
  await watcher.start();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const systemInfo = await client.workflowService.getSystemInfo({});
  const temporalServer = `Temporal ${systemInfo.serverVersion || '(version not reported)'} at ${config.TEMPORAL_ADDRESS}, namespace ${config.TEMPORAL_NAMESPACE}`;

  // Read before bundling: the bundle is built from the working tree as it is now.
  const workflowCode = workflowCodeVersion();
  const trivialWaiters = new Map<string, (at: number) => void>();
  let aborted = false;
  /** Set when a worker stops on its own: every operation then fails with this reason. */
  let workerFailure: Error | undefined;
  let rejectFailed: (err: Error) => void = () => undefined;
  /** Rejects when the run fails (operations race their waits against it). */
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  const failRun = (err: Error): void => {
    workerFailure ??= err;
    aborted = true;
    watcher.failAll(workerFailure);
    rejectFailed(workerFailure);
  };
  log(`bundling the journey and trivial workflows; task queues ${journeyTaskQueue}, ${trivialTaskQueue}`);
  const workers = await startBenchWorkers({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    journeyTaskQueue,
    trivialTaskQueue,
    publisher: timedPublisher,
    tuning,
    preloadModules: opts.preloadModules,
    onTrivialCompleted: (workflowId) => {
      trivialWaiters.get(workflowId)?.(performance.now());
      trivialWaiters.delete(workflowId);
    },
    onWorkerFailed: (which, err) => {
      log(`the ${which} worker failed: ${err.message}`);
      failRun(new Error(`the ${which} worker failed: ${err.message}`, { cause: err }));
    },
  });
  const sampler = new MemorySampler(() => workers.journey.getStatus().numCachedWorkflows);

  // Every journey started, so that clean-up terminates them all, also after a failure or Ctrl-C.
  const journeyIds: string[] = [];
  let cleanup: Promise<JourneyBenchResult['cleanup']> | undefined;
  const cleanUp = (): Promise<JourneyBenchResult['cleanup']> =>
    (cleanup ??= (async () => {
      aborted = true;
      sampler.stop();
      const c0 = performance.now();
      const outcome = { terminated: 0, alreadyClosed: 0, failed: 0, ms: 0 };
      log(`terminating ${journeyIds.length} journeys`);
      await runAtConcurrency(journeyIds.length, Math.max(C, 32), async (i) => {
        try {
          await client.workflow.getHandle(journeyIds[i]).terminate('journey benchmark finished');
          outcome.terminated++;
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) outcome.alreadyClosed++;
          else outcome.failed++;
        }
      }, progress('terminated', journeyIds.length));
      outcome.ms = performance.now() - c0;
      await watcher.stop().catch(() => undefined);
      await workers.stop();
      await connection.close();
      await publisher.disconnect();
      return outcome;
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up before exit`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  // The SDK throws some worker-thread failures (a workflow thread out of heap) outside any
  // promise of ours: fail the run with the reason, still terminating what it started.
  process.on('uncaughtException', (err) => {
    log(`uncaught: ${err.message}`);
    failRun(err);
  });

  /** signal-with-start, as the bridge does on intake.participant.registered; resolves at the phase change. */
  async function startJourney(p: BenchParticipant): Promise<{ rpcMs: number; effectMs: number }> {
    if (aborted) throw new Error('aborted');
    const signal = registeredSignal(p);
    const workflowId = journeyWorkflowId(p.participantId);
    const changed = watcher.expect(signal.eventId, EFFECT_TIMEOUT_MS);
    journeyIds.push(workflowId);
    const s0 = performance.now();
    try {
      const input: JourneyInput = { participantId: p.participantId, correlationId: p.correlationId };
      await client.workflow.signalWithStart(JOURNEY_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: journeyTaskQueue,
        args: [input],
        signal: participantRegisteredSignal,
        signalArgs: [signal],
        memo: { correlationId: p.correlationId },
      });
    } catch (err) {
      changed.catch(() => undefined);
      throw err;
    }
    const rpcMs = performance.now() - s0;
    return { rpcMs, effectMs: (await changed).receivedAt - s0 };
  }

  /** One step's signal; resolves at its phase change when the step changes the phase, else when the server took it. */
  async function signalStep(p: BenchParticipant, step: JourneyStep, changesPhase: boolean, optional = false): Promise<{ rpcMs: number; effectMs?: number; phase?: string }> {
    if (aborted) throw new Error('aborted');
    const eventId = `${p.participantId}:${step.signalName}`;
    const changed = !changesPhase ? undefined : optional ? watcher.maybe(eventId, PROBE_WAIT_MS) : watcher.expect(eventId, EFFECT_TIMEOUT_MS);
    const s0 = performance.now();
    try {
      await step.send(client.workflow.getHandle(journeyWorkflowId(p.participantId)), p, eventId);
    } catch (err) {
      changed?.catch(() => undefined);
      throw err;
    }
    const rpcMs = performance.now() - s0;
    const change = await changed;
    return { rpcMs, ...(change ? { effectMs: change.receivedAt - s0, phase: change.phase } : {}) };
  }

  let trivialCount = 0;
  /** Starts one trivial workflow; resolves when it has run on its worker. */
  async function startTrivial(): Promise<{ rpcMs: number; effectMs: number }> {
    if (aborted) throw new Error('aborted');
    const workflowId = `trivial-bench-${runTag}-${trivialCount++}`;
    const ran = withTimeout(
      Promise.race([new Promise<number>((resolve) => trivialWaiters.set(workflowId, resolve)), failed]),
      EFFECT_TIMEOUT_MS,
      `trivial workflow ${workflowId}`,
    );
    const s0 = performance.now();
    try {
      await client.workflow.start<typeof trivialBench>('trivialBench', { workflowId, taskQueue: trivialTaskQueue, args: [] });
    } catch (err) {
      ran.catch(() => undefined);
      throw err;
    }
    const rpcMs = performance.now() - s0;
    return { rpcMs, effectMs: (await ran) - s0 };
  }

  /** Runs `op` `count` times at concurrency C (closed loop) and summarises it. */
  async function measure(what: string, count: number, op: (i: number) => Promise<{ rpcMs: number; effectMs?: number }>, withEffect: boolean): Promise<WaveResult> {
    const rpc: number[] = [];
    const effect: number[] = [];
    const run = await runAtConcurrency(
      count,
      C,
      async (i) => {
        const r = await op(i);
        rpc.push(r.rpcMs);
        if (r.effectMs !== undefined) effect.push(r.effectMs);
      },
      progress(what, count),
    );
    const result = wave(what, run.wallMs, rpc, withEffect ? effect : undefined);
    log(`${what}: ${result.perSecond.toFixed(1)}/s, p95 ${(result.effect ?? result.rpc).p95.toFixed(1)} ms`);
    return result;
  }

  let result: JourneyBenchResult | undefined;
  try {
    const workersUp = sampler.read();

    // The probe: which steps change the phase in the workflow deployed today.
    log('probe journey: which steps change the phase');
    const probe = benchParticipant(runTag, 'probe');
    const probeStart = await startJourney(probe);
    log(`  registered -> intake in ${probeStart.effectMs.toFixed(0)} ms (includes the first workflow task of a fresh worker)`);
    const steps: JourneyBenchResult['steps'] = [];
    for (const step of JOURNEY_STEPS) {
      const r = await signalStep(probe, step, true, true);
      steps.push({ event: step.event, signal: step.signalName, phase: r.phase ?? null });
      log(`  ${step.signalName}: ${r.phase ? `-> ${r.phase} in ${r.effectMs?.toFixed(0)} ms` : `no phase change within ${PROBE_WAIT_MS / 1000} s`}`);
    }
    const changes = steps.map((s) => s.phase !== null);
    if (!changes.some(Boolean)) {
      notes.push('no step after registration changed the phase in this workflow version: signals/s are the server taking the signals, with no phase-change latency');
    }

    // Warm-up: both workers and paths, not counted.
    log(`warm-up: ${opts.warmup} trivial workflows and ${opts.warmup} journeys through every step`);
    await runAtConcurrency(opts.warmup, C, async () => void (await startTrivial()));
    const warm = Array.from({ length: opts.warmup }, (_, i) => benchParticipant(runTag, `w${i}`));
    await runAtConcurrency(opts.warmup, C, async (i) => void (await startJourney(warm[i])));
    for (const [s, step] of JOURNEY_STEPS.entries()) {
      await runAtConcurrency(opts.warmup, C, async (i) => void (await signalStep(warm[i], step, changes[s])));
    }

    await workers.journeyIdle(EFFECT_TIMEOUT_MS);
    const warmReading = sampler.read();

    // Measured: the baseline first, then the journeys, wave by wave.
    const trivial = await measure('trivial workflow: start -> ran on worker', opts.trivial, () => startTrivial(), true);
    sampler.startPeaks();
    timedPublisher.reset();
    const people = Array.from({ length: opts.journeys }, (_, i) => benchParticipant(runTag, String(i)));
    const journeyStarts = await measure('journey: signal-with-start -> intake', opts.journeys, (i) => startJourney(people[i]), true);
    const signalWaves: WaveResult[] = [];
    const toPhase: number[] = [];
    for (const [s, step] of JOURNEY_STEPS.entries()) {
      const label = `${step.signalName} -> ${steps[s].phase ?? '(no phase change)'}`;
      const w = await measure(
        label,
        opts.journeys,
        async (i) => {
          const r = await signalStep(people[i], step, changes[s]);
          if (r.effectMs !== undefined) toPhase.push(r.effectMs);
          return r;
        },
        changes[s],
      );
      signalWaves.push(w);
    }
    const peak = sampler.peak();
    const publishes = wave('publish', 1, timedPublisher.timings);
    await workers.journeyIdle(EFFECT_TIMEOUT_MS);
    const end = sampler.read();
    const cachedGrowth = end.cachedWorkflows - warmReading.cachedWorkflows;

    // One at a time: the same operations with nothing queued behind them.
    log(`one at a time: ${opts.solo} trivial workflows, then ${opts.solo} journeys through every step`);
    const soloTrivial = { rpc: [] as number[], effect: [] as number[] };
    const soloStart = { rpc: [] as number[], effect: [] as number[] };
    const soloSignals = { rpc: [] as number[], effect: [] as number[] };
    const soloTrivialRun = await runAtConcurrency(opts.solo, 1, async () => {
      const r = await startTrivial();
      soloTrivial.rpc.push(r.rpcMs);
      soloTrivial.effect.push(r.effectMs);
    });
    const soloPeople = Array.from({ length: opts.solo }, (_, i) => benchParticipant(runTag, `s${i}`));
    let soloStartMs = 0;
    let soloSignalMs = 0;
    await runAtConcurrency(opts.solo, 1, async (i) => {
      const started = await startJourney(soloPeople[i]);
      soloStart.rpc.push(started.rpcMs);
      soloStart.effect.push(started.effectMs);
      soloStartMs += started.effectMs;
      for (const [s, step] of JOURNEY_STEPS.entries()) {
        const r = await signalStep(soloPeople[i], step, changes[s]);
        soloSignals.rpc.push(r.rpcMs);
        if (r.effectMs !== undefined) soloSignals.effect.push(r.effectMs);
        soloSignalMs += r.effectMs ?? r.rpcMs;
      }
    });
    const solo =
      opts.solo === 0
        ? []
        : [
            wave('one at a time: trivial start -> ran on worker', soloTrivialRun.wallMs, soloTrivial.rpc, soloTrivial.effect),
            wave('one at a time: signal-with-start -> intake', soloStartMs, soloStart.rpc, soloStart.effect),
            wave('one at a time: every signal -> its phase change', soloSignalMs, soloSignals.rpc, soloSignals.effect.length ? soloSignals.effect : undefined),
          ];
    const signalCount = signalWaves.reduce((n, w) => n + w.count, 0);
    const signalWall = signalWaves.reduce((ms, w) => ms + w.wallMs, 0);
    const all = wave('all', signalWall, toPhase, toPhase);
    notes.push(
      'each operation is a closed loop: one of the concurrent loops sends the start or signal, waits for its effect, then takes the next journey; ' +
        '"call p50" is the client call alone, p50/p95/p99 run from sending to the effect (the journey.phase.changed event read from Kafka, or the trivial workflow having run on its worker)',
      `memory is this whole process (both workers, the workflow thread's sandboxes, Kafka clients, the load generator); heap used is the main thread's V8 heap, the workflow thread's heap counts in RSS only`,
    );
    result = {
      startedAt,
      machine: machineInfo(),
      temporalServer,
      workflowCode,
      preloadModules: opts.preloadModules,
      kafkaBrokers: config.KAFKA_BROKERS,
      namespace: process.env.WCM_NAMESPACE ?? '',
      load: { journeys: opts.journeys, warmup: opts.warmup, trivial: opts.trivial, concurrency: C, solo: opts.solo },
      loadAverage: { start: loadStart, end: os.loadavg() },
      tuning: { source: tuningSource, journeyWorker: workers.journeyTuning },
      steps,
      trivial,
      journeyStarts,
      signalWaves,
      solo,
      signals: {
        count: signalCount,
        perSecond: signalCount / (signalWall / 1000),
        toPhaseChange: toPhase.length ? all.effect ?? null : null,
      },
      startRatio: journeyStarts.perSecond / trivial.perSecond,
      kafkaPublish: { calls: timedPublisher.timings.length, events: timedPublisher.events, ms: publishes.rpc },
      memory: {
        workersUp,
        warm: warmReading,
        peak,
        end,
        rssKiBPerCachedJourney: cachedGrowth > 0 ? ((end.rssMiB - warmReading.rssMiB) * 1024) / cachedGrowth : null,
        intervalMs: sampler.intervalMs,
      },
      cleanup: { terminated: 0, alreadyClosed: 0, failed: 0, ms: 0 },
      watcher: { received: 0, duplicates: 0, unexpected: 0 },
      totalMs: 0,
      notes,
    };
  } finally {
    const outcome = await cleanUp();
    if (result) {
      result.cleanup = outcome;
      result.watcher = { received: watcher.received, duplicates: watcher.duplicates, unexpected: watcher.unexpected };
      result.totalMs = performance.now() - t0;
    }
  }

  process.stdout.write(formatJourneyReport(result));
  const dir = path.join(workspaceRoot, '.run/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `journey-${startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`result written to ${path.relative(workspaceRoot, file)}`);
  if (result.cleanup.failed > 0) throw new Error(`${result.cleanup.failed} journeys could not be terminated; list them with: temporal workflow list --query "TaskQueue='${journeyTaskQueue}'"`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`journey benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
