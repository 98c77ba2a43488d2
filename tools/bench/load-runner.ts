import { performance } from 'node:perf_hooks';

/** Latencies of one operation run `count` times, and the wall time of the whole run. */
export interface RunResult {
  count: number;
  wallMs: number;
  /** One entry per operation, in milliseconds, sorted ascending. */
  latenciesMs: number[];
}

export interface Summary {
  count: number;
  opsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Runs `op(i)` for i = 0..count-1 with at most `concurrency` in flight (a fixed pool of
 * workers taking the next index), timing each call. Any failure stops the run: a benchmark
 * that counts errors as fast answers measures nothing.
 */
export async function runAtConcurrency(
  count: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<RunResult> {
  const latencies = new Array<number>(count);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      await op(i);
      latencies[i] = performance.now() - t0;
      onProgress?.(++done);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const wallMs = performance.now() - start;
  return { count, wallMs, latenciesMs: latencies.sort((a, b) => a - b) };
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(run: RunResult): Summary {
  return {
    count: run.count,
    opsPerSecond: run.count / (run.wallMs / 1000),
    p50: percentile(run.latenciesMs, 50),
    p95: percentile(run.latenciesMs, 95),
    p99: percentile(run.latenciesMs, 99),
  };
}
