import type { FieldError, PARTICIPANT_UPDATABLE_FIELDS, UpdateParticipantRequest } from '@waypoint/contracts';
import { nameKey, nameTokens, normalisePhone } from '../participant';
import { nameSearchKeys, type PersonRecord } from './person-record';

export type UpdatableField = (typeof PARTICIPANT_UPDATABLE_FIELDS)[number];

export type UpdateOutcome =
  | { ok: true; record: PersonRecord; changedFields: UpdatableField[] }
  | { ok: false; errors: FieldError[] };

const tidyName = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * Applies validated changes to a person: tidies them as registration does, keeps only
 * what really changes, keeps the person reachable (e-mail or phone), recomputes the
 * search keys, and bumps the version. `ssnLast4DobHashFor` re-hashes the SSN match key
 * when the date of birth is corrected (the caller holds the key and the encrypted SSN).
 */
export function applyParticipantChanges(
  current: PersonRecord,
  changes: Omit<UpdateParticipantRequest, 'version'>,
  ssnLast4DobHashFor?: (dateOfBirth: string) => string,
): UpdateOutcome {
  const next: PersonRecord = { ...current };
  const changed: UpdatableField[] = [];
  const set = <K extends UpdatableField>(field: K, value: PersonRecord[K] | undefined, same: boolean) => {
    if (same) return;
    if (value === undefined) delete next[field];
    else next[field] = value;
    changed.push(field);
  };

  if (changes.firstName !== undefined) set('firstName', tidyName(changes.firstName), tidyName(changes.firstName) === current.firstName);
  if (changes.lastName !== undefined) set('lastName', tidyName(changes.lastName), tidyName(changes.lastName) === current.lastName);
  if (changes.dateOfBirth !== undefined) set('dateOfBirth', changes.dateOfBirth, changes.dateOfBirth === current.dateOfBirth);
  if (changes.email !== undefined) {
    const email = changes.email === null ? undefined : changes.email.trim().toLowerCase();
    set('email', email, email === current.email);
  }
  if (changes.phone !== undefined) {
    const phone = changes.phone === null ? undefined : normalisePhone(changes.phone);
    set('phone', phone, phone === current.phone);
  }
  if (changes.address !== undefined) {
    const address = changes.address ?? undefined;
    set('address', address, JSON.stringify(address) === JSON.stringify(current.address));
  }
  if (changes.office !== undefined) set('office', changes.office, changes.office === current.office);
  if (changes.programsOfInterest !== undefined) {
    const programs = [...new Set(changes.programsOfInterest)].sort();
    set('programsOfInterest', programs, programs.join() === current.programsOfInterest.join());
  }

  if (!next.email && !next.phone) {
    return {
      ok: false,
      errors: [{ field: 'email', message: 'Keep an e-mail address or a phone number so the participant can be reached' }],
    };
  }
  if (changed.length === 0) return { ok: true, record: current, changedFields: [] };

  if (changed.some((f) => f === 'firstName' || f === 'lastName' || f === 'dateOfBirth')) {
    next.firstNameKey = nameKey(next.firstName);
    next.lastNameKey = nameKey(next.lastName);
    next.nameTokens = nameTokens(`${next.firstName} ${next.lastName}`);
    Object.assign(next, nameSearchKeys(next));
  }
  if (changed.includes('dateOfBirth') && next.ssn) {
    if (!ssnLast4DobHashFor) throw new Error('The SSN match key must be re-hashed when the date of birth changes');
    next.ssn = { ...next.ssn, last4DobHash: ssnLast4DobHashFor(next.dateOfBirth) };
  }
  next.version = current.version + 1;
  return { ok: true, record: next, changedFields: changed };
}
