import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

/** Development-only PII keys: every real deployment MUST set its own (refused in production). */
export const DEV_PII_ENCRYPTION_KEY = Buffer.from('dev-only-pii-encryption-key-32by').toString('base64');
export const DEV_PII_HASH_KEY = 'dev-only-pii-hash-key-change-me-0123456789';

const base64Key = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, 'must be the base64 of exactly 32 bytes');
const keyId = z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'must be 1-32 of A-Z a-z 0-9 _ . -');

export const intakeConfigSchema = baseConfigSchema
  .extend({
    INTAKE_PORT: portSchema.default(3101),
    /**
     * How often each outbox relay sweeps for pending documents it was not kicked about (a
     * crash's leftovers). Written documents are published at once by `_id`; the sweep reads
     * the whole collection on FerretDB 1.x, so it is kept rare.
     */
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5_000),
    /** AES-256-GCM key for SSNs (base64 of 32 bytes). The default is for development only. */
    PII_ENCRYPTION_KEY: base64Key.default(DEV_PII_ENCRYPTION_KEY),
    /** Id stored beside each ciphertext, so keys can rotate: a new key gets a new id. */
    PII_ENCRYPTION_KEY_ID: keyId.default('dev-1'),
    /** Earlier keys still needed to decrypt older records: `id:base64,id:base64`. */
    PII_PREVIOUS_ENCRYPTION_KEYS: z
      .string()
      .default('')
      .transform((s, ctx) => {
        const keys: Record<string, string> = {};
        for (const entry of s.split(',').map((e) => e.trim()).filter(Boolean)) {
          const [id, key] = entry.split(':');
          if (!keyId.safeParse(id).success || !key || !base64Key.safeParse(key).success) {
            ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of id:base64-of-32-bytes' });
            return z.NEVER;
          }
          keys[id] = key;
        }
        return keys;
      }),
    /** HMAC-SHA256 key for the SSN match hashes (at least 32 characters). Changing it needs a re-hash of every record. */
    PII_HASH_KEY: z.string().min(32, 'must be at least 32 characters').default(DEV_PII_HASH_KEY),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    if (c.PII_ENCRYPTION_KEY === DEV_PII_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['PII_ENCRYPTION_KEY'], message: 'the development key may not be used in production' });
    }
    if (c.PII_HASH_KEY === DEV_PII_HASH_KEY) {
      ctx.addIssue({ code: 'custom', path: ['PII_HASH_KEY'], message: 'the development key may not be used in production' });
    }
  });
export type IntakeConfig = z.infer<typeof intakeConfigSchema>;

export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): IntakeConfig => loadConfig(intakeConfigSchema, env);

/** The service's configuration, injectable anywhere in intake (the root module is global). */
export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
