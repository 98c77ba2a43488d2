import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const followupConfigSchema = baseConfigSchema.extend({ FOLLOWUP_PORT: portSchema.default(3105) });
export type FollowupConfig = z.infer<typeof followupConfigSchema>;

export const loadFollowupConfig = (env: NodeJS.ProcessEnv = process.env): FollowupConfig => loadConfig(followupConfigSchema, env);
