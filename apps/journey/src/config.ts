import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const temporalConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
});

/**
 * Worker tuning (docs/journey.md, "Worker tuning"). Journeys are long and mostly asleep: the
 * sticky cache keeps the ones recently signalled in memory so their next task needs no
 * history replay; the rest are replayed from Temporal when they next wake.
 */
export const journeyWorkerConfigSchema = z.object({
  /** Workflows kept in the worker's sticky cache. */
  JOURNEY_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(2_000),
  /** Workflow tasks run at once (workflow code is CPU-light; one isolate thread per core). */
  JOURNEY_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1_000).default(100),
  /** Activities run at once (they only publish to Kafka). */
  JOURNEY_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1_000).default(100),
});

export const journeyConfigSchema = baseConfigSchema
  .extend(temporalConfigSchema.shape)
  .extend(journeyWorkerConfigSchema.shape)
  .extend({
    JOURNEY_PORT: portSchema.default(3106),
  });
export type JourneyConfig = z.infer<typeof journeyConfigSchema>;

export const loadJourneyConfig = (env: NodeJS.ProcessEnv = process.env): JourneyConfig => loadConfig(journeyConfigSchema, env);
