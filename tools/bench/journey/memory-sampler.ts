/** Memory of this process at one moment, in MiB, with the journey worker's cache fill. */
export interface MemoryReading {
  rssMiB: number;
  heapUsedMiB: number;
  cachedWorkflows: number;
}

export interface MemoryFigures {
  /** After the workers started (both bundles loaded), before any load. */
  workersUp: MemoryReading;
  /** After the probe and warm-up journeys, the worker idle: the baseline the journeys' growth is measured from. */
  warm: MemoryReading;
  /** Highest RSS and heap seen while the journeys ran (sampled every `intervalMs`). */
  peak: MemoryReading;
  /** After the last step, the worker idle, before the journeys were terminated. */
  end: MemoryReading;
  /** (end − warm) RSS over (end − warm) cached journeys, in KiB: what one more cached journey costs. */
  rssKiBPerCachedJourney: number | null;
  intervalMs: number;
}

const MiB = 2 ** 20;

/**
 * Samples process.memoryUsage() on a timer. RSS covers the whole process: both workers,
 * their workflow threads (where the workflow sandboxes live; their V8 heaps are not in
 * heapUsed, which is the main thread's), the Kafka clients and the load generator.
 */
export class MemorySampler {
  private timer?: NodeJS.Timeout;
  private peakReading?: MemoryReading;

  constructor(
    private readonly cachedWorkflows: () => number,
    readonly intervalMs = 250,
  ) {}

  read(): MemoryReading {
    const m = process.memoryUsage();
    return { rssMiB: m.rss / MiB, heapUsedMiB: m.heapUsed / MiB, cachedWorkflows: this.cachedWorkflows() };
  }

  /** Starts tracking peaks from now (forgetting earlier ones). */
  startPeaks(): void {
    this.peakReading = this.read();
    this.timer ??= setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    const r = this.read();
    const p = this.peakReading ?? r;
    this.peakReading = {
      rssMiB: Math.max(p.rssMiB, r.rssMiB),
      heapUsedMiB: Math.max(p.heapUsedMiB, r.heapUsedMiB),
      cachedWorkflows: Math.max(p.cachedWorkflows, r.cachedWorkflows),
    };
  }

  /** The peaks since startPeaks (including a reading now). */
  peak(): MemoryReading {
    this.sample();
    return this.peakReading as MemoryReading;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
