import { jaroSimilarity, jaroWinkler } from './string-similarity';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
  ])('scores %p against %p as the published %p', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it.each([
    // worked by hand: 4 of 5 matched, prefix 2 → 0.8667 + 0.2 × 0.1333
    ['smith', 'smyth', 0.8933],
    // 6 matched, no transposition, prefix 2 → 0.9524 + 0.2 × 0.0476
    ['johnson', 'jonson', 0.9619],
  ])('scores %p against %p as worked by hand: %p', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it.each([
    ['identical strings', 'nunez', 'nunez', 1],
    ['nothing in common', 'abc', 'xyz', 0],
    ['one side empty', '', 'ana', 0],
    ['both empty', '', '', 1],
  ])('gives the bounds for %s', (_case, a, b, expected) => {
    expect(jaroWinkler(a, b)).toBe(expected);
  });

  it('is symmetric', () => {
    expect(jaroWinkler('garcia', 'gracia')).toBeCloseTo(jaroWinkler('gracia', 'garcia'), 10);
  });

  it('rewards a shared prefix over the plain Jaro score', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeGreaterThan(jaroSimilarity('martha', 'marhta'));
  });

  it('ranks a one-letter typo above a different name', () => {
    expect(jaroWinkler('hernandez', 'hernadez')).toBeGreaterThan(jaroWinkler('hernandez', 'fernando'));
  });
});
