import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const intakeConfigSchema = baseConfigSchema.extend({
  INTAKE_PORT: portSchema.default(3101),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(500),
});
export type IntakeConfig = z.infer<typeof intakeConfigSchema>;

export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): IntakeConfig => loadConfig(intakeConfigSchema, env);

/** The service's configuration, injectable anywhere in intake (the root module is global). */
export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
