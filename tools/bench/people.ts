import type { DuplicateCheckRequest, ProgramCode, RegisterParticipantRequest } from '@waypoint/contracts';

const FIRST = [
  'Ana', 'Marcus', 'Keisha', 'Tomás', 'Linh', 'Fatima', 'Jamal', 'Olga', 'Dwayne', 'Priya', 'Hector', 'Mei', 'Samuel', 'Ayesha',
  'Brandon', 'Rosa', 'Khalid', 'Tanya', 'Victor', 'Grace', 'José', 'Amara', 'Dmitri', 'Nadia', 'Luis', 'Chloé', 'Tyrone', 'Yuki',
  'Omar', 'Bridget', 'Kwame', 'Ingrid', 'Rafael', 'Sione', 'Leila', 'Darnell', 'Hana', 'Mateo', 'Zainab', 'Curtis', 'Ximena',
  'Gustavo', 'Esther', 'Andre', 'Paulina', 'Ravi', 'Shanice', 'Bogdan', 'Imani', 'Jorge',
];
const SYLLABLES = [
  'ka', 'mor', 'li', 'ven', 'sa', 'tor', 'bel', 'ro', 'din', 'ga', 'han', 'ne', 'pol', 'ri', 'sul', 'ta', 'vo', 'wen', 'za',
  'bra', 'cor', 'del', 'fen', 'gar', 'hol', 'jen', 'kor', 'lan', 'mes', 'nor', 'par', 'quin', 'ras', 'sten', 'trin', 'ul',
  'var', 'wil', 'yor', 'zel',
];
const OFFICES = ['north-ajc', 'downtown-ajc', 'riverside-ajc'];
const PROGRAM_SETS: ProgramCode[][] = [['WIOA_ADULT'], ['WIOA_DISLOCATED_WORKER', 'TAA'], ['WIOA_YOUTH'], ['TANF_ES'], ['SNAP_ET', 'WAGNER_PEYSER'], ['WIOA_ADULT', 'SNAP_ET']];
/** Surnames of two syllables: 1,600 of them; with 50 first names, 80,000 distinct names per round of dates. */
const SURNAMES = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => cap(a + b)));
const DAYS = 18_250; // fifty years of birth dates
const FIRST_BIRTHDAY = Date.UTC(1950, 0, 1);

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * Synthetic person number `i`, deterministic. No two people below 730,000 share a name and
 * date of birth, an SSN, the last four SSN digits with a date of birth, an e-mail address or
 * a phone number, so none is a likely duplicate of another and registration never answers
 * 409 unless the benchmark plants a duplicate on purpose.
 */
export function person(i: number, runTag: string): RegisterParticipantRequest {
  const firstName = FIRST[i % FIRST.length];
  const lastName = SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length];
  // 7919 is prime to 18,250 and to 10,000, so (i, i + 10,000k) share a birth date only when 73 | k.
  const dateOfBirth = new Date(FIRST_BIRTHDAY + ((i * 7919) % DAYS) * 86_400_000).toISOString().slice(0, 10);
  const serial = String(i % 10_000).padStart(4, '0');
  const ssn = `${String(100 + (Math.floor(i / 10_000) % 500)).padStart(3, '0')}-${String(10 + (i % 89)).padStart(2, '0')}-${serial === '0000' ? '0001' : serial}`;
  return {
    firstName,
    lastName,
    dateOfBirth,
    ...(i % 2 === 0 ? { ssn } : {}),
    ...(i % 3 === 0
      ? { phone: `(${201 + (Math.floor(i / 10_000) % 700)}) 555-${String(i % 10_000).padStart(4, '0')}` }
      : { email: `p${i}.${runTag}@bench.example.org` }),
    office: OFFICES[i % OFFICES.length],
    programsOfInterest: PROGRAM_SETS[i % PROGRAM_SETS.length],
  };
}

/** The duplicate-check question a worker would ask before registering `p`. */
export function duplicateQuestion(p: RegisterParticipantRequest): DuplicateCheckRequest {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    ...(p.ssn ? { ssn: p.ssn } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
  };
}
