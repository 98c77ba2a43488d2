import { matchKeys, MatchCandidate, MatchKeys, validateSsn } from './match-keys';

/** A visible fake: the real hash is keyed and lives outside the domain. */
const fakeHash = (last4: string, dob: string) => `h(${last4}|${dob})`;

const ana: MatchCandidate = { firstName: 'Ana', lastName: 'Núñez', dateOfBirth: '1990-04-02' };

function keysOf(candidate: MatchCandidate): MatchKeys {
  const result = matchKeys(candidate, fakeHash);
  if (!result.ok) throw new Error(`unexpected ${result.error.problem}`);
  return result.keys;
}

describe('matchKeys: name + date of birth', () => {
  it.each([
    ['accents', { firstName: 'Ána', lastName: 'Nuñez' }],
    ['case', { firstName: 'ANA', lastName: 'núñez' }],
    ['extra spaces', { firstName: '  Ana ', lastName: ' Núñez  ' }],
    ['swapped first and last name', { firstName: 'Núñez', lastName: 'Ana' }],
    ['whole name in one field', { firstName: 'Ana Núñez', lastName: '' }],
  ])('gives the same primary key despite %s', (_case, names) => {
    expect(keysOf({ ...ana, ...names }).nameDob[0]).toBe('ana nunez|1990-04-02');
  });

  it.each([
    ['hyphenated surname', 'García-López'],
    ['two surnames', 'García López'],
  ])('finds a %s under each surname with the given name', (_case, lastName) => {
    expect(keysOf({ ...ana, lastName }).nameDob).toEqual([
      'ana garcia lopez|1990-04-02',
      'ana garcia|1990-04-02',
      'ana lopez|1990-04-02',
    ]);
  });

  it('uses the first given name only for the short keys', () => {
    expect(keysOf({ ...ana, firstName: 'Ana María' }).nameDob).toEqual([
      'ana maria nunez|1990-04-02',
      'ana nunez|1990-04-02',
    ]);
  });

  it.each([
    ['a different date of birth', { dateOfBirth: '1990-02-04' }],
    ['a different given name', { firstName: 'Eva' }],
  ])('gives another key for %s', (_case, change) => {
    expect(keysOf({ ...ana, ...change }).nameDob).not.toContain('ana nunez|1990-04-02');
  });
});

describe('matchKeys: SSN', () => {
  it.each([
    ['plain digits', '123456789'],
    ['dashes', '123-45-6789'],
    ['spaces', '123 45 6789'],
  ])('hashes only the last four digits with the date of birth (%s)', (_case, ssn) => {
    expect(keysOf({ ...ana, ssn }).ssnLast4Dob).toBe('h(6789|1990-04-02)');
  });

  it('never passes more than the last four digits to the hash', () => {
    const seen: string[] = [];
    matchKeys({ ...ana, ssn: '123-45-6789' }, (last4, dob) => {
      seen.push(last4, dob);
      return 'x';
    });
    expect(seen).toEqual(['6789', '1990-04-02']);
  });

  it.each([
    ['omitted', undefined],
    ['blank', '  '],
  ])('has no SSN key when the SSN is %s', (_case, ssn) => {
    expect(keysOf({ ...ana, ssn })).not.toHaveProperty('ssnLast4Dob');
  });

  it.each([
    ['12345678', 'format'],
    ['1234567890', 'format'],
    ['12345678a', 'format'],
    ['123/45/6789', 'format'],
    ['000-12-3456', 'area'],
    ['666-12-3456', 'area'],
    ['900-12-3456', 'area'],
    ['987-65-4321', 'area'],
    ['123-00-4567', 'group'],
    ['123-45-0000', 'serial'],
  ] as const)('rejects %p as a typed %p error that does not repeat the number', (ssn, problem) => {
    const result = matchKeys({ ...ana, ssn }, fakeHash);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid-ssn', problem }) });
    expect(JSON.stringify(result)).not.toMatch(/\d{4}/);
  });

  it.each(['001-01-0001', '665-99-9999', '899-12-3456'])('accepts the edge-of-range SSN %p', (ssn) => {
    expect(validateSsn(ssn).ok).toBe(true);
  });
});

describe('matchKeys: contact details', () => {
  it.each([
    ['  Ana.Nunez@Example.ORG ', 'ana.nunez@example.org'],
    ['ana+jobs@gmail.com', 'ana+jobs@gmail.com'],
    ['a.n.a@gmail.com', 'a.n.a@gmail.com'],
  ])('keys e-mail %p as %p (trimmed, lower-cased, no provider rules)', (email, expected) => {
    expect(keysOf({ ...ana, email }).email).toBe(expected);
  });

  it.each([
    ['(612) 555-0134', '6125550134'],
    ['+1 612 555 0134', '6125550134'],
  ])('keys phone %p by its national digits', (phone, expected) => {
    expect(keysOf({ ...ana, phone }).phone).toBe(expected);
  });

  it('leaves out contact keys that are missing or blank', () => {
    const keys = keysOf({ ...ana, email: '   ', phone: '-' });
    expect(keys).not.toHaveProperty('email');
    expect(keys).not.toHaveProperty('phone');
  });
});
