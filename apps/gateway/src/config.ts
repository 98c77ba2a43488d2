import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const gatewayConfigSchema = baseConfigSchema.extend({
  GATEWAY_PORT: portSchema.default(3000),
  /** Signs staff access tokens. Production must set its own. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default('dev-only-staff-token-secret-change-me-0123456789'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(24 * 3600).default(900),
  INTAKE_URL: z.url().default('http://127.0.0.1:3101'),
  PLANNING_URL: z.url().default('http://127.0.0.1:3102'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => loadConfig(gatewayConfigSchema, env);
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
