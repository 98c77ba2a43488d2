import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const planningConfigSchema = baseConfigSchema.extend({
  PLANNING_PORT: portSchema.default(3102),
  /**
   * How often each outbox relay (services, contacts) sweeps for pending documents it was not
   * kicked about (a crash's leftovers). Written documents are published at once by `_id`; the
   * sweep reads the whole collection on FerretDB 1.x, so it is kept rare.
   */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5_000),
});
export type PlanningConfig = z.infer<typeof planningConfigSchema>;

export const loadPlanningConfig = (env: NodeJS.ProcessEnv = process.env): PlanningConfig => loadConfig(planningConfigSchema, env);
