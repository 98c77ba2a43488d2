import { randomBytes } from 'node:crypto';
import { ConfigError } from '@waypoint/platform';
import { DEV_PII_ENCRYPTION_KEY, loadIntakeConfig } from './config';

const key = () => randomBytes(32).toString('base64');

describe('intake PII configuration', () => {
  it('uses development keys outside production', () => {
    expect(loadIntakeConfig({})).toMatchObject({ PII_ENCRYPTION_KEY: DEV_PII_ENCRYPTION_KEY, PII_ENCRYPTION_KEY_ID: 'dev-1', PII_PREVIOUS_ENCRYPTION_KEYS: {} });
  });

  it('refuses to run production with the development keys', () => {
    expect(() => loadIntakeConfig({ NODE_ENV: 'production' })).toThrow(/PII_ENCRYPTION_KEY: the development key[\s\S]*PII_HASH_KEY: the development key/);
    expect(
      loadIntakeConfig({ NODE_ENV: 'production', PII_ENCRYPTION_KEY: key(), PII_HASH_KEY: 'a-production-hash-key-of-32-characters-00' }).NODE_ENV,
    ).toBe('production');
  });

  it('reads previous keys for rotation and refuses malformed ones', () => {
    const old = key();
    expect(loadIntakeConfig({ PII_ENCRYPTION_KEY_ID: 'k2', PII_PREVIOUS_ENCRYPTION_KEYS: `k1:${old}` }).PII_PREVIOUS_ENCRYPTION_KEYS).toEqual({ k1: old });
    expect(() => loadIntakeConfig({ PII_PREVIOUS_ENCRYPTION_KEYS: 'k1' })).toThrow(ConfigError);
    expect(() => loadIntakeConfig({ PII_ENCRYPTION_KEY: Buffer.from('too short').toString('base64') })).toThrow(/base64 of exactly 32 bytes/);
  });
});
