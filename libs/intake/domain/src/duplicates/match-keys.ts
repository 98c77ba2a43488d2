import { nameKey, nameTokens, normalisePhone } from '../participant';

/** What a person is registered with, as far as finding them again is concerned. */
export interface MatchCandidate {
  firstName: string;
  lastName: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
  /** Optional, whole or with dashes/spaces. Never stored or returned by this module. */
  ssn?: string;
  email?: string;
  phone?: string;
}

/**
 * The normalised keys a repository indexes so a person can be found before a new
 * record is created. None of them is an identifier: several people may share any key.
 */
export interface MatchKeys {
  /**
   * Name + date of birth. The first entry is the whole name, order-free (all folded
   * words sorted, so "Núñez Ana" = "Ana Núñez"); the rest are one given name with one
   * surname word each, also order-free, so "Ana García López" is found under
   * "Ana García" and "Ana López" (hyphenated and double surnames are often shortened).
   */
  nameDob: string[];
  /** hash(last four SSN digits, date of birth); present only when an SSN was given. */
  ssnLast4Dob?: string;
  /** Lower-cased and trimmed. */
  email?: string;
  /** National digits (see normalisePhone). */
  phone?: string;
}

export type SsnProblem = 'format' | 'area' | 'group' | 'serial';

export interface InvalidSsn {
  kind: 'invalid-ssn';
  problem: SsnProblem;
  /** Plain language for the worker; never repeats the number. */
  message: string;
}

export type MatchKeysResult = { ok: true; keys: MatchKeys } | { ok: false; error: InvalidSsn };

/** Hashes the last four SSN digits with the date of birth (keyed hash, injected by the caller). */
export type HashSsnLast4 = (last4: string, dateOfBirth: string) => string;

const SSN_MESSAGES: Record<SsnProblem, string> = {
  format: 'An SSN has exactly 9 digits.',
  area: 'An SSN never starts with 000, 666 or 9.',
  group: 'The middle two digits of an SSN are never both zero.',
  serial: 'The last four digits of an SSN are never all zeros.',
};

/**
 * Checks an SSN's shape (not whether it was issued): 9 digits, area not 000/666/9xx,
 * group not 00, serial not 0000. Dashes and spaces are allowed. Returns the digits.
 */
export function validateSsn(ssn: string): { ok: true; digits: string } | { ok: false; error: InvalidSsn } {
  const digits = ssn.replace(/[\s-]/g, '');
  const problem: SsnProblem | undefined = !/^\d{9}$/.test(digits)
    ? 'format'
    : digits.startsWith('000') || digits.startsWith('666') || digits.startsWith('9')
      ? 'area'
      : digits.slice(3, 5) === '00'
        ? 'group'
        : digits.slice(5) === '0000'
          ? 'serial'
          : undefined;
  return problem
    ? { ok: false, error: { kind: 'invalid-ssn', problem, message: SSN_MESSAGES[problem] } }
    : { ok: true, digits };
}

/**
 * E-mail key: trimmed and lower-cased only. Gmail-style folding (dropping dots and
 * "+tag") is deliberately NOT done: it is a rule of some providers only, and people in
 * one household often use plus-addresses of one mailbox, which would then look like
 * one person.
 */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Order-free name key: the distinct folded words, sorted. "Núñez, Ana" → "ana nunez". */
export function orderFreeNameKey(...names: string[]): string {
  return nameTokens(names.join(' ')).sort().join(' ');
}

/** The keys a person can be found by. Fails only on an SSN of impossible shape. */
export function matchKeys(candidate: MatchCandidate, hashSsnLast4: HashSsnLast4): MatchKeysResult {
  const dob = candidate.dateOfBirth.trim();
  const keys: MatchKeys = { nameDob: nameDobKeys(candidate.firstName, candidate.lastName, dob) };

  if (candidate.ssn !== undefined && candidate.ssn.trim() !== '') {
    const ssn = validateSsn(candidate.ssn);
    if (!ssn.ok) return ssn;
    keys.ssnLast4Dob = hashSsnLast4(ssn.digits.slice(5), dob);
  }
  const email = candidate.email === undefined ? '' : emailKey(candidate.email);
  if (email) keys.email = email;
  const phone = candidate.phone === undefined ? '' : normalisePhone(candidate.phone);
  if (phone) keys.phone = phone;
  return { ok: true, keys };
}

function nameDobKeys(firstName: string, lastName: string, dob: string): string[] {
  const whole = orderFreeNameKey(firstName, lastName);
  const given = nameKey(firstName).split(' ').filter(Boolean)[0];
  const surnames = nameTokens(lastName);
  const pairs = given ? surnames.filter((s) => s !== given).map((s) => [given, s].sort().join(' ')) : [];
  return [...new Set([whole, ...pairs])].filter(Boolean).map((name) => `${name}|${dob}`);
}
