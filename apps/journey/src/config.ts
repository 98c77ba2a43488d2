import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const temporalConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
});

export const journeyConfigSchema = baseConfigSchema.extend(temporalConfigSchema.shape).extend({
  JOURNEY_PORT: portSchema.default(3106),
});
export type JourneyConfig = z.infer<typeof journeyConfigSchema>;

export const loadJourneyConfig = (env: NodeJS.ProcessEnv = process.env): JourneyConfig => loadConfig(journeyConfigSchema, env);
