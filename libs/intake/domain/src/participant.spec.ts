import { nameKey, nameTokens, normalisePhone, registerParticipant } from './participant';

describe('nameKey', () => {
  it.each([
    ['Núñez', 'nunez'],
    ["  O'Brien-Smith ", 'o brien smith'],
    ['ZOË', 'zoe'],
    ['Lê  Văn', 'le van'],
  ])('folds %p to %p', (input, expected) => {
    expect(nameKey(input)).toBe(expected);
  });
});

describe('nameTokens', () => {
  it('splits both names into distinct folded words', () => {
    expect(nameTokens("Ana María Núñez-Núñez")).toEqual(['ana', 'maria', 'nunez']);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['(612) 555-0134', '6125550134'],
    ['+1 612 555 0134', '6125550134'],
    ['612.555.0134', '6125550134'],
  ])('keeps only the national digits of %p', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });
});

describe('registerParticipant', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it('tidies names, lower-cases e-mail and de-duplicates programs', () => {
    const p = registerParticipant(
      {
        firstName: '  Ana  María ',
        lastName: 'Núñez',
        dateOfBirth: '1990-04-02',
        email: 'Ana@Example.ORG',
        office: 'north',
        programsOfInterest: ['WIOA_ADULT', 'SNAP_ET', 'WIOA_ADULT'],
      },
      { id: 'p1', registeredBy: 'u1', now },
    );
    expect(p).toMatchObject({
      firstName: 'Ana María',
      firstNameKey: 'ana maria',
      lastNameKey: 'nunez',
      email: 'ana@example.org',
      programsOfInterest: ['SNAP_ET', 'WIOA_ADULT'],
      registeredAt: now,
    });
    expect(p).not.toHaveProperty('phone');
  });
});
