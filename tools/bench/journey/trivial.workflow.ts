// The baseline of the journey benchmark: a workflow that does nothing but tell the bench it ran.
// Bundled on its own (never into the journey bundle) and run by a second worker in the same
// process, so its starts/s is measured on the same server, machine and run as the journeys'.
import { proxySinks, type Sinks } from '@temporalio/workflow';

export interface TrivialBenchSinks extends Sinks {
  bench: {
    /** Called once the workflow's first (and only) workflow task has run on the worker. */
    completed(): void;
  };
}

const { bench } = proxySinks<TrivialBenchSinks>();

export async function trivialBench(): Promise<void> {
  bench.completed();
}
