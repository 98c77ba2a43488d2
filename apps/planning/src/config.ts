import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const planningConfigSchema = baseConfigSchema.extend({ PLANNING_PORT: portSchema.default(3102) });
export type PlanningConfig = z.infer<typeof planningConfigSchema>;

export const loadPlanningConfig = (env: NodeJS.ProcessEnv = process.env): PlanningConfig => loadConfig(planningConfigSchema, env);
