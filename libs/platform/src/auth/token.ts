import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Compact HS256 JSON Web Tokens (RFC 7519) with node:crypto: short-lived, audience-bound.
 * Two audiences exist: staff tokens issued by the gateway at sign-in, and internal tokens
 * the gateway mints per request to call a service on a user's behalf.
 */
export const Audiences = { staff: 'waypoint-staff', internal: 'waypoint-internal' } as const;
export type Audience = (typeof Audiences)[keyof typeof Audiences];

export interface TokenClaims {
  sub: string;
  username: string;
  roles: string[];
  office?: string;
}

export interface VerifiedToken extends TokenClaims {
  aud: string;
  iat: number;
  exp: number;
  jti: string;
}

export type TokenErrorCode = 'malformed' | 'bad_signature' | 'expired' | 'wrong_audience';

export class TokenError extends Error {
  constructor(readonly code: TokenErrorCode) {
    super(`token ${code.replace('_', ' ')}`);
    this.name = 'TokenError';
  }
}

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');
const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export class TokenSigner {
  private readonly key: Buffer;
  constructor(secret: string) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  sign(claims: TokenClaims, audience: Audience, ttlSeconds: number, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    const payload = b64url(JSON.stringify({ ...claims, aud: audience, iat, exp: iat + ttlSeconds, jti: randomUUID() }));
    return `${header}.${payload}.${this.mac(`${header}.${payload}`)}`;
  }

  verify(token: string, audience: Audience, now = Date.now()): VerifiedToken {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== header) throw new TokenError('malformed');
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new TokenError('bad_signature');
    let claims: VerifiedToken;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      throw new TokenError('malformed');
    }
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') {
      throw new TokenError('malformed');
    }
    if (claims.aud !== audience) throw new TokenError('wrong_audience');
    if (claims.exp * 1000 <= now) throw new TokenError('expired');
    return claims;
  }

  private mac(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
