import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const matchingConfigSchema = baseConfigSchema.extend({ MATCHING_PORT: portSchema.default(3104) });
export type MatchingConfig = z.infer<typeof matchingConfigSchema>;

export const loadMatchingConfig = (env: NodeJS.ProcessEnv = process.env): MatchingConfig => loadConfig(matchingConfigSchema, env);
