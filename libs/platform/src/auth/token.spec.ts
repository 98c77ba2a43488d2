import { Audiences, TokenError, TokenSigner } from './token';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const claims = { sub: 'u1', username: 'casey', roles: ['case_manager'], office: 'north-ajc' };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof TokenError ? err.code : 'other';
  }
  return undefined;
}

describe('TokenSigner', () => {
  const signer = new TokenSigner(secret);
  const now = Date.UTC(2026, 10, 24, 12);

  it('round-trips claims for the right audience', () => {
    const token = signer.sign(claims, Audiences.staff, 900, now);
    expect(signer.verify(token, Audiences.staff, now + 1000)).toMatchObject({ ...claims, aud: Audiences.staff });
  });

  it.each([
    ['expired', (t: string) => signer.verify(t, Audiences.staff, now + 901_000)],
    ['wrong_audience', (t: string) => signer.verify(t, Audiences.internal, now)],
    ['bad_signature', (t: string) => new TokenSigner(secret.replace('a', 'b')).verify(t, Audiences.staff, now)],
    ['bad_signature', (t: string) => signer.verify(t.replace(/\.([^.]+)\./, (_m, p: string) => `.${p.slice(0, -2)}xx.`), Audiences.staff, now)],
    ['malformed', () => signer.verify('not-a-token', Audiences.staff, now)],
  ])('rejects as %s', (expected, verify) => {
    const token = signer.sign(claims, Audiences.staff, 900, now);
    expect(code(() => verify(token))).toBe(expected);
  });

  it('will not be built with a short secret', () => {
    expect(() => new TokenSigner('short')).toThrow(/at least 32/);
  });
});
