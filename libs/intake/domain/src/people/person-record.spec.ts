import type { RegisterParticipantRequest } from '@waypoint/contracts';
import { applyParticipantChanges } from './participant-update';
import { registerPerson, type ProtectedSsn } from './person-record';

const input: RegisterParticipantRequest = {
  firstName: 'Ana',
  lastName: 'García López',
  dateOfBirth: '1990-04-02',
  phone: '(612) 555-0134',
  office: 'north-ajc',
  programsOfInterest: ['WIOA_ADULT'],
};
const ssn: ProtectedSsn = { encrypted: { keyId: 'k1', iv: 'iv', tag: 'tag', data: 'data' }, last4DobHash: 'h-old', hash: 'h-full' };
const now = new Date('2026-11-24T10:00:00Z');
const person = (over: Partial<RegisterParticipantRequest> = {}) =>
  registerPerson({ ...input, ...over }, { id: 'p-1', registeredBy: 'worker', now }, ssn);

describe('registerPerson', () => {
  it('starts at version 1 with the name search keys', () => {
    expect(person()).toMatchObject({
      version: 1,
      nameDobKeys: ['ana garcia lopez|1990-04-02', 'ana garcia|1990-04-02', 'ana lopez|1990-04-02'],
      nameKeyOrderFree: 'ana garcia lopez',
      ssn,
    });
  });

  it('records who confirmed the person is not a listed duplicate, and the session', () => {
    const p = registerPerson(
      { ...input, duplicateReview: { confirmedNotDuplicate: true, reviewedCandidateIds: ['x', 'y', 'x'], note: 'Different mother' } },
      { id: 'p-2', registeredBy: 'worker', now, sessionId: 's-1' },
    );
    expect(p.duplicateReview).toEqual({ confirmedBy: 'worker', confirmedAt: now, reviewedCandidateIds: ['x', 'y'], note: 'Different mother' });
    expect(p.registeredInSessionId).toBe('s-1');
    expect(p).not.toHaveProperty('ssn');
  });
});

describe('applyParticipantChanges', () => {
  it('keeps only real changes and bumps the version', () => {
    const result = applyParticipantChanges(person(), { phone: '612.555.0134', office: 'downtown-ajc', programsOfInterest: ['WIOA_ADULT'] });
    expect(result).toMatchObject({ ok: true, changedFields: ['office'], record: { office: 'downtown-ajc', version: 2 } });
  });

  it('changes nothing (same version) when nothing differs', () => {
    const current = person();
    expect(applyParticipantChanges(current, { firstName: ' Ana ' })).toEqual({ ok: true, record: current, changedFields: [] });
  });

  it('recomputes the name keys and re-hashes the SSN match key when the date of birth is corrected', () => {
    const result = applyParticipantChanges(person(), { dateOfBirth: '1990-04-20', lastName: 'García' }, (dob) => `h-${dob}`);
    expect(result).toMatchObject({
      ok: true,
      changedFields: ['lastName', 'dateOfBirth'],
      record: {
        lastNameKey: 'garcia',
        nameTokens: ['ana', 'garcia'],
        nameDobKeys: ['ana garcia|1990-04-20'],
        ssn: { last4DobHash: 'h-1990-04-20', hash: 'h-full' },
      },
    });
  });

  it('clears contact details but keeps the person reachable', () => {
    const withEmail = person({ email: 'ana@example.org' });
    expect(applyParticipantChanges(withEmail, { phone: null })).toMatchObject({ ok: true, changedFields: ['phone'] });
    expect(applyParticipantChanges(withEmail, { phone: null, email: null })).toEqual({
      ok: false,
      errors: [{ field: 'email', message: expect.stringMatching(/e-mail address or a phone number/) }],
    });
  });
});
