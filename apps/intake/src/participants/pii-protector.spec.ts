import { randomBytes } from 'node:crypto';
import { PiiDecryptionError, PiiProtector } from './pii-protector';

const key = () => randomBytes(32).toString('base64');
const protector = (over: Partial<ConstructorParameters<typeof PiiProtector>[0]> = {}) =>
  new PiiProtector({
    PII_ENCRYPTION_KEY: key(),
    PII_ENCRYPTION_KEY_ID: 'k1',
    PII_PREVIOUS_ENCRYPTION_KEYS: {},
    PII_HASH_KEY: 'a-hash-key-of-at-least-32-characters-000',
    ...over,
  });

describe('PiiProtector', () => {
  it('round-trips a value, with a fresh IV each time and no plain text stored', () => {
    const pii = protector();
    const a = pii.encrypt('123456789');
    const b = pii.encrypt('123456789');
    expect(a.keyId).toBe('k1');
    expect(a.iv).not.toBe(b.iv);
    expect(JSON.stringify(a)).not.toContain('123456789');
    expect(JSON.stringify(a)).not.toContain('6789');
    expect(pii.decrypt(a)).toBe('123456789');
    expect(pii.decrypt(b)).toBe('123456789');
  });

  it.each([
    ['the ciphertext', 'data'],
    ['the tag', 'tag'],
    ['the iv', 'iv'],
  ] as const)('detects tampering with %s', (_what, part) => {
    const pii = protector();
    const sealed = pii.encrypt('123456789');
    const bytes = Buffer.from(sealed[part], 'base64');
    bytes[0] ^= 0x01;
    expect(() => pii.decrypt({ ...sealed, [part]: bytes.toString('base64') })).toThrow(PiiDecryptionError);
  });

  it('refuses a value whose key id was changed (the id is authenticated)', () => {
    const shared = key();
    const pii = protector({ PII_ENCRYPTION_KEY: shared, PII_PREVIOUS_ENCRYPTION_KEYS: { k0: shared } });
    expect(() => pii.decrypt({ ...pii.encrypt('123456789'), keyId: 'k0' })).toThrow(PiiDecryptionError);
  });

  it('decrypts with a previous key after rotation, and names values to re-encrypt', () => {
    const oldKey = key();
    const before = protector({ PII_ENCRYPTION_KEY: oldKey, PII_ENCRYPTION_KEY_ID: 'k1' });
    const sealed = before.encrypt('123456789');
    const after = protector({ PII_ENCRYPTION_KEY_ID: 'k2', PII_PREVIOUS_ENCRYPTION_KEYS: { k1: oldKey } });
    expect(after.decrypt(sealed)).toBe('123456789');
    expect(after.needsReEncryption(sealed)).toBe(true);
    expect(after.needsReEncryption(after.encrypt('1'))).toBe(false);
    expect(() => protector({ PII_ENCRYPTION_KEY_ID: 'k2' }).decrypt(sealed)).toThrow(/key k1 is not configured/);
  });

  it('hashes with the key: same input same hash, another key another hash, never the digits', () => {
    const pii = protector();
    const ssn = pii.protectSsn('123456789', '1990-04-02');
    expect(ssn.last4DobHash).toBe(pii.hashSsnLast4('6789', '1990-04-02'));
    expect(ssn.last4DobHash).not.toBe(pii.hashSsnLast4('6789', '1990-04-03'));
    expect(ssn.hash).toBe(pii.hashSsn('123456789'));
    expect(protector({ PII_HASH_KEY: 'another-hash-key-of-32-characters-000000' }).hashSsn('123456789')).not.toBe(ssn.hash);
    expect(JSON.stringify(ssn)).not.toMatch(/6789|123456789/);
    expect(pii.ssnLast4(ssn)).toBe('6789');
  });
});
