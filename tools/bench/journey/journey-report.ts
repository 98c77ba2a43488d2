import { percentile } from '../load-runner';
import type { EffectiveTuning, WorkerTuning } from './bench-workers';
import type { MemoryFigures, MemoryReading } from './memory-sampler';

/** One measured wave: `count` operations at the bench's concurrency, each timed two ways. */
export interface WaveResult {
  what: string;
  count: number;
  wallMs: number;
  perSecond: number;
  /** The client call alone (the server accepted the start or signal). */
  rpc: Percentiles;
  /** From sending to the effect (the phase change on Kafka, or the trivial workflow ran); absent when the step changes no phase. */
  effect?: Percentiles;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function wave(what: string, wallMs: number, rpcMs: number[], effectMs?: number[]): WaveResult {
  const pct = (values: number[]): Percentiles => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
  };
  return {
    what,
    count: rpcMs.length,
    wallMs,
    perSecond: rpcMs.length / (wallMs / 1000),
    rpc: pct(rpcMs),
    ...(effectMs ? { effect: pct(effectMs) } : {}),
  };
}

export interface JourneyBenchResult {
  startedAt: string;
  machine: string;
  temporalServer: string;
  /** The commit of the journey workflow code bundled, and whether it had uncommitted changes. */
  workflowCode: string;
  /** Modules the journey bundle shared across workflows (--preload-modules); empty: the service's bundle as is. */
  preloadModules: string[];
  kafkaBrokers: string[];
  namespace: string;
  load: { journeys: number; warmup: number; trivial: number; concurrency: number; solo: number };
  loadAverage: { start: number[]; end: number[] };
  /** What the journey worker ran with (the SDK's compiled options), and where each setting came from. */
  tuning: { source: Record<keyof WorkerTuning, string>; journeyWorker: EffectiveTuning };
  /** Events the probe journey was signalled with after registration, and the phase each led to (null: none). */
  steps: { event: string; signal: string; phase: string | null }[];
  trivial: WaveResult;
  journeyStarts: WaveResult;
  signalWaves: WaveResult[];
  /** The same operations one at a time (concurrency 1) after the main waves: latency with nothing queued. */
  solo: WaveResult[];
  /** All signals after registration: count over the summed wall time of their waves. */
  signals: { count: number; perSecond: number; toPhaseChange: Percentiles | null };
  /** journey starts/s ÷ trivial starts/s. */
  startRatio: number;
  /** The journey activities' publish calls while the measured journeys ran (each one Kafka batch). */
  kafkaPublish: { calls: number; events: number; ms: Percentiles };
  memory: MemoryFigures;
  cleanup: { terminated: number; alreadyClosed: number; failed: number; ms: number };
  watcher: { received: number; duplicates: number; unexpected: number };
  totalMs: number;
  notes: string[];
}

const num = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? '-' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
const mib = (r: MemoryReading): string[] => [`${r.rssMiB.toFixed(0)} MiB`, `${r.heapUsedMiB.toFixed(0)} MiB`, String(r.cachedWorkflows)];

function table(head: string[], rows: string[][], leftColumns = 1): string {
  const widths = head.map((_, c) => Math.max(head[c].length, ...rows.map((r) => r[c].length)));
  const fmt = (l: string[]): string => l.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export function formatJourneyReport(r: JourneyBenchResult): string {
  const t = r.tuning.journeyWorker;
  const origin = (key: keyof WorkerTuning): string => r.tuning.source[key];
  const waveRow = (w: WaveResult): string[] => [
    w.what,
    String(w.count),
    num(w.perSecond),
    num(w.rpc.p50),
    num(w.effect?.p50),
    num(w.effect?.p95),
    num(w.effect?.p99),
  ];
  const throughput = table(
    ['operation (closed loop: send, wait for the effect, next)', 'count', 'per s', 'call p50 ms', 'p50 ms', 'p95 ms', 'p99 ms'],
    [
      waveRow(r.trivial),
      waveRow(r.journeyStarts),
      ...r.signalWaves.map(waveRow),
      [
        'all signals after registration',
        String(r.signals.count),
        num(r.signals.perSecond),
        '',
        num(r.signals.toPhaseChange?.p50),
        num(r.signals.toPhaseChange?.p95),
        num(r.signals.toPhaseChange?.p99),
      ],
      ...r.solo.map(waveRow),
    ],
  );
  const memory = table(['journey worker process', 'RSS', 'heap used', 'cached journeys'], [
    ['workers up, no load', ...mib(r.memory.workersUp)],
    ['after warm-up, idle', ...mib(r.memory.warm)],
    ['peak while journeys ran', ...mib(r.memory.peak)],
    ['end: every journey waiting, idle', ...mib(r.memory.end)],
  ]);
  const perJourney = r.memory.rssKiBPerCachedJourney;
  return [
    '',
    'Waypoint journey benchmark',
    `  machine:      ${r.machine}`,
    `  engines:      ${r.temporalServer}; Kafka ${r.kafkaBrokers.join(',')}; namespace ${r.namespace}`,
    `  workflow:     ParticipantJourney from ${r.workflowCode}; ${
      r.preloadModules.length ? `bundle with preloadModules ${r.preloadModules.join(', ')} (diagnostic)` : "the journey service's bundle as is"
    }`,
    `  load:         ${r.load.journeys} journeys (after ${r.load.warmup} warm-up) and ${r.load.trivial} trivial workflows, concurrency ${r.load.concurrency}; then ${r.load.solo} of each one at a time`,
    `  load average: ${r.loadAverage.start.map((v) => v.toFixed(2)).join(' ')} at start, ${r.loadAverage.end.map((v) => v.toFixed(2)).join(' ')} at end (2-core box shared with the engines)`,
    `  worker:       maxCachedWorkflows ${t.maxCachedWorkflows} (${origin('maxCachedWorkflows')}; heap limit ${t.maxHeapMiB} MiB), ` +
      `maxConcurrentWorkflowTaskExecutions ${t.maxConcurrentWorkflowTaskExecutions} (${origin('maxConcurrentWorkflowTaskExecutions')}), ` +
      `maxConcurrentActivityTaskExecutions ${t.maxConcurrentActivityTaskExecutions} (${origin('maxConcurrentActivityTaskExecutions')}), ` +
      `workflowThreadPoolSize ${t.workflowThreadPoolSize}, reuseV8Context ${t.reuseV8Context}, V8 heap limit ${t.maxHeapMiB} MiB`,
    `  steps:        registered -> ${r.steps.map((s) => `${s.signal} (${s.phase ?? 'no phase change'})`).join(' -> ')}`,
    '',
    throughput,
    '',
    `  journey starts/s ÷ trivial starts/s = ${num(r.journeyStarts.perSecond)} / ${num(r.trivial.perSecond)} = ${r.startRatio.toFixed(2)}`,
    `  signals/s (after registration) = ${num(r.signals.perSecond)}; signal -> phase change p95 = ${num(r.signals.toPhaseChange?.p95)} ms`,
    `  Kafka publishes by the journey activities: ${r.kafkaPublish.calls} calls (${r.kafkaPublish.events} events), ` +
      `p50 ${num(r.kafkaPublish.ms.p50)} ms, p95 ${num(r.kafkaPublish.ms.p95)} ms, p99 ${num(r.kafkaPublish.ms.p99)} ms`,
    '',
    memory,
    ...(perJourney === null ? [] : [`  RSS per cached journey (end − warm-up) ≈ ${perJourney.toFixed(0)} KiB`]),
    '',
    ...r.notes.map((n) => `  - ${n}`),
    `  - phase changes read: ${r.watcher.received} (${r.watcher.duplicates} duplicate copies, ${r.watcher.unexpected} nobody waited for)`,
    `  - clean-up: ${r.cleanup.terminated} journeys terminated, ${r.cleanup.alreadyClosed} already closed, ${r.cleanup.failed} failed, in ${(r.cleanup.ms / 1000).toFixed(1)} s`,
    `  - total run time: ${(r.totalMs / 1000).toFixed(1)} s`,
    '',
  ].join('\n');
}
