import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { EncryptedText, ProtectedSsn } from '@waypoint/intake-domain';
import { INTAKE_CONFIG, type IntakeConfig } from '../config';

export interface PiiKeys {
  /** Encrypts new values. */
  current: { id: string; key: Buffer };
  /** Decrypts older values (by key id); includes the current key. */
  all: Map<string, Buffer>;
  hashKey: string;
}

/** Thrown when a ciphertext was altered, or its key is not configured: never returns wrong data. */
export class PiiDecryptionError extends Error {
  constructor(reason: string) {
    super(`Protected value cannot be decrypted: ${reason}`);
    this.name = 'PiiDecryptionError';
  }
}

/**
 * Protects personal identifiers at rest: AES-256-GCM (random 96-bit IV, authenticated, with
 * the key id bound in as associated data), and keyed HMAC-SHA256 hashes for matching
 * without decrypting. The plain SSN only passes through memory: never stored, logged,
 * returned or put in an event.
 */
@Injectable()
export class PiiProtector {
  private readonly keys: PiiKeys;

  constructor(@Inject(INTAKE_CONFIG) config: Pick<IntakeConfig, 'PII_ENCRYPTION_KEY' | 'PII_ENCRYPTION_KEY_ID' | 'PII_PREVIOUS_ENCRYPTION_KEYS' | 'PII_HASH_KEY'>) {
    const current = { id: config.PII_ENCRYPTION_KEY_ID, key: Buffer.from(config.PII_ENCRYPTION_KEY, 'base64') };
    const all = new Map(Object.entries(config.PII_PREVIOUS_ENCRYPTION_KEYS).map(([id, k]) => [id, Buffer.from(k, 'base64')]));
    all.set(current.id, current.key);
    this.keys = { current, all, hashKey: config.PII_HASH_KEY };
  }

  encrypt(plain: string): EncryptedText {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.current.key, iv);
    cipher.setAAD(Buffer.from(this.keys.current.id, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { keyId: this.keys.current.id, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  decrypt(value: EncryptedText): string {
    const key = this.keys.all.get(value.keyId);
    if (!key) throw new PiiDecryptionError(`key ${value.keyId} is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64'));
      decipher.setAAD(Buffer.from(value.keyId, 'utf8'));
      decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiDecryptionError('authentication failed (altered, or the wrong key)');
    }
  }

  /** Whether a value was encrypted with an older key (a re-encryption job can find them). */
  needsReEncryption(value: EncryptedText): boolean {
    return value.keyId !== this.keys.current.id;
  }

  /** Keyed hash of the last four digits and the date of birth: the duplicate match key. */
  hashSsnLast4 = (last4: string, dateOfBirth: string): string => this.hmac(`ssn-last4-dob\n${last4}\n${dateOfBirth}`);

  /** Keyed hash of the whole number (9 digits): exact match. */
  hashSsn(digits: string): string {
    return this.hmac(`ssn\n${digits}`);
  }

  /** Everything stored for an SSN whose shape was already validated (9 digits). */
  protectSsn(digits: string, dateOfBirth: string): ProtectedSsn {
    return { encrypted: this.encrypt(digits), last4DobHash: this.hashSsnLast4(digits.slice(5), dateOfBirth), hash: this.hashSsn(digits) };
  }

  /** The last four digits of a stored SSN. */
  ssnLast4(ssn: ProtectedSsn): string {
    return this.decrypt(ssn.encrypted).slice(-4);
  }

  private hmac(text: string): string {
    return createHmac('sha256', this.keys.hashKey).update(text, 'utf8').digest('base64url');
  }
}
