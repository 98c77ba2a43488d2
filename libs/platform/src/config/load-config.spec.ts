import { baseConfigSchema, ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults and splits the broker list', () => {
    const cfg = loadConfig(baseConfigSchema, { KAFKA_BROKERS: 'a:1, b:2' });
    expect(cfg.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(cfg.MONGO_URL).toBe('mongodb://127.0.0.1:27017');
  });

  it('names every bad variable at once', () => {
    expect.assertions(3);
    try {
      loadConfig(baseConfigSchema, { MONGO_URL: 'postgres://x', INTERNAL_TOKEN_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toHaveLength(3);
      expect((err as Error).message).toMatch(/MONGO_URL: must be a mongodb:\/\/ URL/);
    }
  });
});
