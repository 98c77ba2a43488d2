import { nameKey, normalisePhone } from '../participant';
import { emailKey, orderFreeNameKey } from './match-keys';
import { jaroWinkler } from './string-similarity';

/**
 * A person as far as duplicate scoring is concerned. A stored Participant fits as is,
 * plus the stored SSN hash; for the person being registered, take ssnLast4Dob from
 * matchKeys (the SSN itself never reaches this module).
 */
export interface DuplicateSubject {
  firstName: string;
  lastName: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
  ssnLast4Dob?: string;
  /** Keyed hash of the whole SSN (never the number): the exact match. */
  ssnHash?: string;
  email?: string;
  phone?: string;
}

export type DuplicateLevel = 'certain' | 'likely' | 'possible' | 'none';

export type DuplicateRule =
  | 'name-dob'
  | 'ssn-dob'
  | 'ssn-exact'
  | 'name-part-dob'
  | 'surname-similar-dob'
  | 'given-similar-dob'
  | 'surname-dob'
  | 'name-other-dob'
  | 'email'
  | 'phone'
  | 'dob-differs';

export interface DuplicateReason {
  rule: DuplicateRule;
  /** Plain language for the intake worker. Never contains SSN digits. */
  detail: string;
  weight: number;
}

export interface DuplicateScore {
  /** 0–100: the sum of the reasons' weights, clamped. */
  score: number;
  level: DuplicateLevel;
  reasons: DuplicateReason[];
}

/**
 * Weights. The idea: one strong identity match (name + date of birth, or SSN last
 * four + date of birth) is 'likely' on its own, and any independent corroboration
 * makes it 'certain'. Contact details are corroboration only: households share
 * phones and often e-mail, so they reach 'possible' at most when nothing else matches.
 */
export const DUPLICATE_WEIGHTS: Readonly<Record<DuplicateRule, number>> = {
  /** Same words in the name (any order, so swapped first/last names count) and same date of birth. */
  'name-dob': 70,
  /** Same hash of SSN last four + date of birth: 1 in 10,000 within one birth date. */
  'ssn-dob': 70,
  /**
   * The whole SSN is the same (on top of 'ssn-dob' when the birthday matches too). With
   * another birthday it still makes the same person likely when the name agrees: one of
   * the two dates was probably mistyped.
   */
  'ssn-exact': 60,
  /** Same given name and a shared surname word, one side has more name words (García-López / García). */
  'name-part-dob': 60,
  /** Same given name and date of birth, surname within typo distance. */
  'surname-similar-dob': 60,
  /** Same surname and date of birth, given name within typo distance: a typo, or a twin (Maria/Mario). */
  'given-similar-dob': 40,
  /** Same surname and date of birth, different given name: typically twins or a mislabelled sibling. */
  'surname-dob': 20,
  /** Same name, different date of birth: a typo in one date, or a common name. */
  'name-other-dob': 30,
  'email': 30,
  /** A phone alone; only 5 more when the e-mail already matched (households share both). */
  'phone': 20,
  /** Applied when the dates of birth differ and anything else matched. */
  'dob-differs': -25,
};

/** Extra weight of a shared phone when the e-mail matched too. */
export const PHONE_AFTER_EMAIL_WEIGHT = 5;

/** Lowest score of each level. */
export const DUPLICATE_THRESHOLDS = { certain: 90, likely: 60, possible: 20 } as const;

/** Jaro-Winkler on folded names at or above which two names count as a typo of each other. */
export const NAME_SIMILARITY_THRESHOLD = 0.88;

/** How many duplicates rankDuplicates returns by default. */
export const DEFAULT_DUPLICATE_LIMIT = 10;

export function duplicateLevel(score: number): DuplicateLevel {
  if (score >= DUPLICATE_THRESHOLDS.certain) return 'certain';
  if (score >= DUPLICATE_THRESHOLDS.likely) return 'likely';
  if (score >= DUPLICATE_THRESHOLDS.possible) return 'possible';
  return 'none';
}

export type NameMatch = 'exact' | 'swapped' | 'part' | 'surname-similar' | 'given-similar' | 'same-surname' | 'different';
const NAME_MATCH_ORDER: NameMatch[] = [
  'exact',
  'swapped',
  'part',
  'surname-similar',
  'given-similar',
  'same-surname',
  'different',
];

/** How two names relate, trying both orders so swapped first/last names are recognised. */
export function compareNames(
  a: Pick<DuplicateSubject, 'firstName' | 'lastName'>,
  b: Pick<DuplicateSubject, 'firstName' | 'lastName'>,
): NameMatch {
  const fa = nameKey(a.firstName);
  const la = nameKey(a.lastName);
  const fb = nameKey(b.firstName);
  const lb = nameKey(b.lastName);
  if (orderFreeNameKey(a.firstName, a.lastName) === orderFreeNameKey(b.firstName, b.lastName)) {
    return fa === fb && la === lb ? 'exact' : 'swapped';
  }
  const straight = compareOriented(fa, la, fb, lb);
  // Read a's fields the other way round (entered swapped), keeping b's as the reference.
  const crossed = compareOriented(la, fa, fb, lb);
  return NAME_MATCH_ORDER.indexOf(straight) <= NAME_MATCH_ORDER.indexOf(crossed) ? straight : crossed;
}

function compareOriented(firstA: string, lastA: string, firstB: string, lastB: string): NameMatch {
  const givenA = firstA.split(' ')[0] ?? '';
  const givenB = firstB.split(' ')[0] ?? '';
  const surnamesB = new Set(lastB.split(' ').filter(Boolean));
  const sameGiven = givenA !== '' && (givenA === givenB || firstA === firstB);
  const surnameShared = lastA === lastB || lastA.split(' ').some((word) => word !== '' && surnamesB.has(word));
  if (sameGiven && surnameShared) return 'part';
  if (sameGiven && similar(lastA, lastB)) return 'surname-similar';
  if (surnameShared && similar(firstA, firstB)) return 'given-similar';
  if (surnameShared) return 'same-surname';
  return 'different';
}

function similar(a: string, b: string): boolean {
  return a !== '' && b !== '' && jaroWinkler(a.replace(/ /g, ''), b.replace(/ /g, '')) >= NAME_SIMILARITY_THRESHOLD;
}

const fullName = (p: Pick<DuplicateSubject, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`.trim();

/** Scores how likely `existing` is the same person as `newPerson`, with the reasons. */
export function scoreDuplicate(newPerson: DuplicateSubject, existing: DuplicateSubject): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  const add = (rule: DuplicateRule, detail: string, weight = DUPLICATE_WEIGHTS[rule]) =>
    reasons.push({ rule, detail, weight });

  const dobA = newPerson.dateOfBirth.trim();
  const dobB = existing.dateOfBirth.trim();
  const sameDob = dobA !== '' && dobA === dobB;
  const names = `"${fullName(newPerson)}" / "${fullName(existing)}"`;
  const name = compareNames(newPerson, existing);

  if (sameDob) {
    switch (name) {
      case 'exact':
        add('name-dob', `Same name and date of birth (${dobB}).`);
        break;
      case 'swapped':
        add('name-dob', `Same name with first and last name in a different order ${names}, and same date of birth.`);
        break;
      case 'part':
        add('name-part-dob', `Same date of birth; one name has words the other lacks ${names}, e.g. a second surname.`);
        break;
      case 'surname-similar':
        add('surname-similar-dob', `Same first name and date of birth; last names nearly match ${names}: possibly a typo.`);
        break;
      case 'given-similar':
        add(
          'given-similar-dob',
          `Same last name and date of birth; first names nearly match ${names}: a typo, or twins.`,
        );
        break;
      case 'same-surname':
        add('surname-dob', `Same last name and date of birth but a different first name ${names}: may be a twin.`);
        break;
      case 'different':
        break;
    }
  } else if (name === 'exact' || name === 'swapped' || name === 'part') {
    add('name-other-dob', `Same name but a different date of birth (${dobA} / ${dobB}): check both dates.`);
  }

  if (newPerson.ssnLast4Dob && newPerson.ssnLast4Dob === existing.ssnLast4Dob) {
    add('ssn-dob', 'Same last four SSN digits and same date of birth.');
  }
  if (newPerson.ssnHash && newPerson.ssnHash === existing.ssnHash) {
    add('ssn-exact', sameDob ? 'Same SSN (all nine digits).' : 'Same SSN (all nine digits) but a different date of birth: check both dates.');
  }

  const emailMatches =
    !!newPerson.email && !!existing.email && emailKey(newPerson.email) === emailKey(existing.email);
  if (emailMatches) add('email', 'Same e-mail address.');
  const phoneA = newPerson.phone ? normalisePhone(newPerson.phone) : '';
  if (phoneA !== '' && existing.phone && phoneA === normalisePhone(existing.phone)) {
    add(
      'phone',
      emailMatches
        ? 'Same phone number as well (adds little: household members share phone and e-mail).'
        : 'Same phone number (household members often share one).',
      emailMatches ? PHONE_AFTER_EMAIL_WEIGHT : DUPLICATE_WEIGHTS.phone,
    );
  }

  if (!sameDob && reasons.length > 0) {
    add('dob-differs', `Different date of birth (${dobA} / ${dobB}), which makes the same person less likely.`);
  }

  const score = Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.weight, 0)));
  return { score, level: duplicateLevel(score), reasons };
}

export interface RankedDuplicate<T extends DuplicateSubject> extends DuplicateScore {
  candidate: T;
}

/**
 * Scores every candidate (typically the records found by the match keys), drops
 * those at level 'none', and returns the best first, at most `limit`. Ties keep the
 * candidates' order.
 */
export function rankDuplicates<T extends DuplicateSubject>(
  newPerson: DuplicateSubject,
  candidates: readonly T[],
  limit = DEFAULT_DUPLICATE_LIMIT,
): RankedDuplicate<T>[] {
  return candidates
    .map((candidate) => ({ candidate, ...scoreDuplicate(newPerson, candidate) }))
    .filter((ranked) => ranked.level !== 'none')
    .sort((x, y) => y.score - x.score)
    .slice(0, Math.max(0, limit));
}
