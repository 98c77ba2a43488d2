import {
  compareNames,
  DUPLICATE_WEIGHTS,
  DuplicateSubject,
  duplicateLevel,
  rankDuplicates,
  scoreDuplicate,
} from './duplicate-score';

const ana: DuplicateSubject = {
  firstName: 'Ana',
  lastName: 'Hernández',
  dateOfBirth: '1990-04-02',
  email: 'ana.h@example.org',
  phone: '(612) 555-0134',
  ssnLast4Dob: 'hash-6789-1990-04-02',
  ssnHash: 'hash-123456789',
};
/** Ana as the new registration gives her, without contact details or SSN unless a case adds them. */
const bare = (change: Partial<DuplicateSubject> = {}): DuplicateSubject => ({
  firstName: 'Ana',
  lastName: 'Hernández',
  dateOfBirth: '1990-04-02',
  ...change,
});
const rules = (p: DuplicateSubject, q: DuplicateSubject) => scoreDuplicate(p, q).reasons.map((r) => r.rule);

describe('scoreDuplicate: levels', () => {
  it.each<[string, string, DuplicateSubject]>([
    ['exact name and date of birth', 'likely', bare()],
    ['accents, case and spaces differ', 'likely', bare({ firstName: ' ANA ', lastName: 'hernandez' })],
    ['first and last name swapped', 'likely', bare({ firstName: 'Hernández', lastName: 'Ana' })],
    ['a second surname is added', 'likely', bare({ lastName: 'Hernández-López' })],
    ['a typo in the surname, same date of birth', 'likely', bare({ lastName: 'Hernadez' })],
    ['a typo in the swapped surname', 'likely', bare({ firstName: 'Hernadez', lastName: 'Ana' })],
    ['SSN last four + date of birth, new surname after marriage', 'likely', bare({ lastName: 'Olsen', ssnLast4Dob: ana.ssnLast4Dob })],
    ['same person with a different e-mail', 'likely', bare({ email: 'ana.new@example.com' })],
    ['name, date of birth and e-mail', 'certain', bare({ email: ' ANA.H@example.org' })],
    ['name, date of birth and phone in another format', 'certain', bare({ phone: '+1 612 555 0134' })],
    ['name, date of birth and SSN', 'certain', bare({ ssnLast4Dob: ana.ssnLast4Dob })],
    ['whole SSN and date of birth under a new name', 'certain', bare({ firstName: 'Anita', lastName: 'Olsen', ssnLast4Dob: ana.ssnLast4Dob, ssnHash: ana.ssnHash })],
    ['same name and whole SSN, a mistyped date of birth', 'likely', bare({ dateOfBirth: '1990-02-04', ssnLast4Dob: 'hash-6789-1990-02-04', ssnHash: ana.ssnHash })],
    ['whole SSN only, other name and date of birth', 'possible', { firstName: 'José', lastName: 'Ruiz', dateOfBirth: '1961-07-30', ssnHash: ana.ssnHash }],
    ['twin: same surname and date of birth, other first name', 'possible', bare({ firstName: 'Lucía' })],
    ['twin sharing the household phone', 'possible', bare({ firstName: 'Lucía', phone: '612-555-0134' })],
    ['twin sharing household phone and e-mail', 'possible', bare({ firstName: 'Lucía', phone: '6125550134', email: ana.email })],
    ['twin with a near-identical first name', 'possible', bare({ firstName: 'Ane' })],
    ['only the household phone, other name and date of birth', 'none', { firstName: 'José', lastName: 'Ruiz', dateOfBirth: '1961-07-30', phone: ana.phone }],
    ['only the e-mail, other name and date of birth', 'none', { firstName: 'José', lastName: 'Ruiz', dateOfBirth: '1961-07-30', email: ana.email }],
    ['same name, other date of birth', 'none', bare({ dateOfBirth: '1985-11-12' })],
    ['same name, other date of birth, same e-mail', 'possible', bare({ dateOfBirth: '1990-02-04', email: ana.email })],
    ['different person entirely', 'none', { firstName: 'Tom', lastName: 'Berg', dateOfBirth: '1970-01-01' }],
  ])('%s → %s', (_case, level, newPerson) => {
    expect(scoreDuplicate(newPerson, ana).level).toBe(level);
  });
});

describe('scoreDuplicate: rules and weights', () => {
  it.each<[string, DuplicateSubject, string[]]>([
    ['exact name + dob', bare(), ['name-dob']],
    ['swapped names count as the same name', bare({ firstName: 'Hernández', lastName: 'Ana' }), ['name-dob']],
    ['surname typo', bare({ lastName: 'Hernandes' }), ['surname-similar-dob']],
    ['first-name typo', bare({ firstName: 'Anna' }), ['given-similar-dob']],
    ['different first name, same surname', bare({ firstName: 'Lucía' }), ['surname-dob']],
    ['different date of birth', bare({ dateOfBirth: '1990-02-04' }), ['name-other-dob', 'dob-differs']],
    ['different e-mail is not a reason', bare({ email: 'other@example.com' }), ['name-dob']],
    ['shared phone without shared dob', { firstName: 'José', lastName: 'Ruiz', dateOfBirth: '1961-07-30', phone: ana.phone }, ['phone', 'dob-differs']],
  ])('%s gives reasons %p', (_case, newPerson, expected) => {
    expect(rules(newPerson, ana)).toEqual(expected);
  });

  it('a phone alone, even with the same date of birth, stays below likely', () => {
    const result = scoreDuplicate({ firstName: 'José', lastName: 'Ruiz', dateOfBirth: ana.dateOfBirth, phone: ana.phone }, ana);
    expect(result).toMatchObject({ score: DUPLICATE_WEIGHTS.phone, level: 'possible' });
  });

  it('a shared phone adds little once the e-mail matched', () => {
    const both = scoreDuplicate(bare({ firstName: 'Lucía', email: ana.email, phone: ana.phone }), ana);
    const emailOnly = scoreDuplicate(bare({ firstName: 'Lucía', email: ana.email }), ana);
    expect(both.score - emailOnly.score).toBe(5);
  });

  it('a different date of birth lowers the score of the same evidence', () => {
    const sameDob = scoreDuplicate(bare({ email: ana.email }), ana).score;
    const otherDob = scoreDuplicate(bare({ email: ana.email, dateOfBirth: '1990-02-04' }), ana).score;
    expect(otherDob).toBeLessThan(sameDob);
  });

  it('keeps the score within 0–100 and equal to the sum of the weights', () => {
    const all = scoreDuplicate(bare({ email: ana.email, phone: ana.phone, ssnLast4Dob: ana.ssnLast4Dob }), ana);
    expect(all.score).toBe(100);
    const none = scoreDuplicate({ firstName: 'José', lastName: 'Ruiz', dateOfBirth: '1961-07-30', phone: ana.phone }, ana);
    expect(none.score).toBe(0);
    const one = scoreDuplicate(bare({ lastName: 'Hernadez', phone: ana.phone }), ana);
    expect(one.score).toBe(one.reasons.reduce((s, r) => s + r.weight, 0));
  });

  it('a missing SSN hash on both sides is not a match', () => {
    expect(rules(bare({ firstName: 'Lucía' }), { ...ana, ssnLast4Dob: undefined })).not.toContain('ssn-dob');
  });

  it('explains every reason in plain words without SSN digits', () => {
    const result = scoreDuplicate(bare({ lastName: 'Hernadez', ssnLast4Dob: ana.ssnLast4Dob, phone: ana.phone }), ana);
    for (const reason of result.reasons) {
      expect(reason.detail).toMatch(/^[A-Z].*\.$/);
      expect(reason.detail).not.toContain('6789');
    }
    expect(result.reasons.map((r) => r.detail).join(' ')).toContain('"Ana Hernadez" / "Ana Hernández"');
  });
});

describe('compareNames', () => {
  it.each([
    ['Ana', 'Hernández', 'ana', 'HERNANDEZ', 'exact'],
    ['Hernández', 'Ana', 'Ana', 'Hernández', 'swapped'],
    ['Ana María', 'Ruiz', 'Ana', 'María Ruiz', 'swapped'],
    ['Ana', 'García', 'Ana', 'García-López', 'part'],
    ['Ana María', 'Ruiz', 'Ana', 'Ruiz', 'part'],
    ['Ana', 'Smyth', 'Ana', 'Smith', 'surname-similar'],
    ['Mario', 'Ruiz', 'Maria', 'Ruiz', 'given-similar'],
    ['Luis', 'Ruiz', 'Carlos', 'Ruiz', 'same-surname'],
    ['Ana', 'Ruiz', 'Ana', 'Berg', 'different'],
  ])('%s %s vs %s %s → %s', (fa, la, fb, lb, expected) => {
    expect(compareNames({ firstName: fa, lastName: la }, { firstName: fb, lastName: lb })).toBe(expected);
  });
});

describe('duplicateLevel', () => {
  it.each([
    [100, 'certain'],
    [90, 'certain'],
    [89, 'likely'],
    [60, 'likely'],
    [59, 'possible'],
    [20, 'possible'],
    [19, 'none'],
    [0, 'none'],
  ])('puts score %p at level %p', (score, level) => {
    expect(duplicateLevel(score)).toBe(level);
  });
});

describe('rankDuplicates', () => {
  const people = [
    { id: 'household', firstName: 'José', lastName: 'Ruiz', dateOfBirth: '1961-07-30', phone: ana.phone },
    { id: 'twin', firstName: 'Lucía', lastName: 'Hernández', dateOfBirth: '1990-04-02' },
    { id: 'typo', firstName: 'Ana', lastName: 'Hernadez', dateOfBirth: '1990-04-02' },
    { id: 'same', ...ana },
  ];

  it('sorts best first and drops those at level none', () => {
    const ranked = rankDuplicates(bare({ email: ana.email }), people);
    expect(ranked.map((r) => [r.candidate.id, r.level])).toEqual([
      ['same', 'certain'],
      ['typo', 'likely'],
      ['twin', 'possible'],
    ]);
  });

  it.each([
    [1, ['same']],
    [2, ['same', 'typo']],
    [0, []],
  ])('caps the list at %p', (limit, ids) => {
    expect(rankDuplicates(bare(), people, limit).map((r) => r.candidate.id)).toEqual(ids);
  });

  it('caps at 10 by default', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ ...ana, id: `p${i}` }));
    expect(rankDuplicates(bare(), many)).toHaveLength(10);
  });

  it('keeps the candidates order for equal scores', () => {
    const twins = [
      { ...ana, id: 'a' },
      { ...ana, id: 'b' },
    ];
    expect(rankDuplicates(bare(), twins).map((r) => r.candidate.id)).toEqual(['a', 'b']);
  });
});
