import { consentStatus, recordConsent, revokeConsent, type Consent } from './consent';

const consent = (over: Partial<Consent> = {}): Consent => ({
  ...recordConsent(
    {
      partner: 'Riverside Housing Trust',
      purpose: 'Coordinate housing support',
      scopes: ['enrollment', 'contact'],
      grantedOn: '2026-01-10',
      expiresOn: '2027-01-10',
      signedBy: 'participant',
    },
    { id: 'c-1', recordedBy: 'worker', now: new Date('2026-01-10T15:00:00Z') },
  ),
  ...over,
});

describe('consentStatus', () => {
  it.each([
    ['the day it was signed', '2026-01-10', {}, 'active'],
    ['its last day', '2027-01-10', {}, 'active'],
    ['the day after its last day', '2027-01-11', {}, 'expired'],
    ['a revoked consent still in its dates', '2026-06-01', { revoked: { at: new Date('2026-05-01T00:00:00Z'), by: 'w', reason: 'asked' } }, 'revoked'],
    ['a revoked consent after expiry', '2028-01-01', { revoked: { at: new Date('2026-05-01T00:00:00Z'), by: 'w', reason: 'asked' } }, 'revoked'],
  ])('on %s is %s', (_what, today, over, expected) => {
    expect(consentStatus(consent(over as Partial<Consent>), today)).toBe(expected);
  });
});

describe('recordConsent', () => {
  it('sorts the scopes and keeps who recorded it', () => {
    expect(consent()).toMatchObject({ id: 'c-1', scopes: ['contact', 'enrollment'], recordedBy: 'worker' });
    expect(consent()).not.toHaveProperty('documentRef');
  });
});

describe('revokeConsent', () => {
  it('records who revoked it, when and why', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const result = revokeConsent(consent(), { by: 'cm', reason: 'Participant withdrew', now });
    expect(result).toEqual({ ok: true, consent: expect.objectContaining({ revoked: { at: now, by: 'cm', reason: 'Participant withdrew' } }) });
  });

  it('refuses to revoke twice', () => {
    const revoked = consent({ revoked: { at: new Date('2026-02-01T00:00:00Z'), by: 'cm', reason: 'x' } });
    expect(revokeConsent(revoked, { by: 'cm', reason: 'again', now: new Date() })).toMatchObject({
      ok: false,
      problem: 'already-revoked',
      message: expect.stringContaining('2026-02-01'),
    });
  });
});
