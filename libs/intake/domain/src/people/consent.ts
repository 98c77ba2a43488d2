import type { ConsentScope, ConsentStatus, RecordConsentRequest } from '@waypoint/contracts';

/**
 * A signed consent / release of information, kept on the person's record: what was
 * signed (grantedOn, and expiresOn as the last valid day, both YYYY-MM-DD) plus who
 * recorded it and whether it was revoked.
 */
export interface Consent extends RecordConsentRequest {
  id: string;
  recordedBy: string;
  recordedAt: Date;
  revoked?: { at: Date; by: string; reason: string };
}

/** Status on `today` (YYYY-MM-DD): revoked wins; valid through its expiry day. */
export function consentStatus(consent: Pick<Consent, 'expiresOn' | 'revoked'>, today: string): ConsentStatus {
  if (consent.revoked) return 'revoked';
  return today > consent.expiresOn ? 'expired' : 'active';
}

/** Records a consent from validated answers (the contract schema checks the dates). */
export function recordConsent(input: RecordConsentRequest, ctx: { id: string; recordedBy: string; now: Date }): Consent {
  return {
    id: ctx.id,
    partner: input.partner,
    purpose: input.purpose,
    scopes: [...input.scopes].sort() as ConsentScope[],
    grantedOn: input.grantedOn,
    expiresOn: input.expiresOn,
    signedBy: input.signedBy,
    ...(input.documentRef ? { documentRef: input.documentRef } : {}),
    recordedBy: ctx.recordedBy,
    recordedAt: ctx.now,
  };
}

export type RevokeResult = { ok: true; consent: Consent } | { ok: false; problem: 'already-revoked'; message: string };

/** Revokes a consent; once revoked it stays revoked (a new consent is a new record). */
export function revokeConsent(consent: Consent, ctx: { by: string; reason: string; now: Date }): RevokeResult {
  if (consent.revoked) {
    return { ok: false, problem: 'already-revoked', message: `This consent was already revoked on ${consent.revoked.at.toISOString().slice(0, 10)}` };
  }
  return { ok: true, consent: { ...consent, revoked: { at: ctx.now, by: ctx.by, reason: ctx.reason } } };
}
