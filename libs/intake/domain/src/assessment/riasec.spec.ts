import { AssessmentErrorCode } from './assessment-error';
import {
  INTEREST_ITEMS,
  InterestAnswer,
  JOB_ZONES,
  Occupation,
  RIASEC_AREAS,
  RiasecArea,
  scoreInterestProfile,
  suggestOccupations,
} from './riasec';
import { thrownAssessmentError } from './thrown-assessment-error.testing';

/** Every item rated by area: `{ S: 4, E: 3 }` rates all S items 4, all E items 3, the rest `rest`. */
function answersBy(ratings: Partial<Record<RiasecArea, number>>, rest = 0): InterestAnswer[] {
  return INTEREST_ITEMS.map((item) => ({ itemId: item.id, rating: ratings[item.area] ?? rest }));
}

const thrown = thrownAssessmentError;

describe('interest items', () => {
  it('has 60 items with unique ids R01..C10', () => {
    const ids = INTEREST_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(60);
    expect(ids[0]).toBe('R01');
    expect(ids[59]).toBe('C10');
  });

  it.each(RIASEC_AREAS.map((a) => [a]))('has 10 distinct, worded items for area %s numbered 01..10', (area) => {
    const items = INTEREST_ITEMS.filter((i) => i.area === area);
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, n) => `${area}${String(n + 1).padStart(2, '0')}`));
    expect(new Set(items.map((i) => i.text)).size).toBe(10);
    expect(items.every((i) => i.text.trim().length > 10)).toBe(true);
  });
});

describe('scoreInterestProfile', () => {
  it.each<[string, Partial<Record<RiasecArea, number>>, number, Record<RiasecArea, number>, string]>([
    ['all strongly like', {}, 4, { R: 40, I: 40, A: 40, S: 40, E: 40, C: 40 }, 'RIA'],
    ['all strongly dislike', {}, 0, { R: 0, I: 0, A: 0, S: 0, E: 0, C: 0 }, 'RIA'],
    ['social first, enterprising second', { S: 4, E: 3, C: 2 }, 1, { R: 10, I: 10, A: 10, S: 40, E: 30, C: 20 }, 'SEC'],
    ['conventional above realistic', { C: 3, R: 2, I: 1 }, 0, { R: 20, I: 10, A: 0, S: 0, E: 0, C: 30 }, 'CRI'],
  ])('scores each area 0-40 and builds the Holland code (%s)', (_, ratings, rest, scores, code) => {
    const p = scoreInterestProfile(answersBy(ratings, rest));
    expect(p.scores).toEqual(scores);
    expect(p.hollandCode).toBe(code);
    expect(p.complete).toBe(true);
    expect(p.answered).toBe(60);
  });

  it.each<[string, Partial<Record<RiasecArea, number>>, RiasecArea, RiasecArea[], RiasecArea, RiasecArea[]]>([
    ['no tie', { A: 4, I: 3 }, 'A', [], 'I', []],
    ['primary tie goes to the earlier RIASEC letter', { E: 4, S: 4, C: 2 }, 'S', ['E'], 'E', []],
    ['three-way primary tie', { C: 4, I: 4, A: 4 }, 'I', ['A', 'C'], 'A', ['C']],
    ['secondary tie after a clear primary', { R: 4, S: 2, C: 2 }, 'R', [], 'S', ['C']],
  ])('breaks ties by RIASEC order and reports them (%s)', (_, ratings, primary, primaryTies, secondary, secondaryTies) => {
    const p = scoreInterestProfile(answersBy(ratings));
    expect(p).toMatchObject({ primary, primaryTiedWith: primaryTies, secondary, secondaryTiedWith: secondaryTies });
  });

  it.each([
    [0, false],
    [1, false],
    [59, false],
    [60, true],
  ])('with %p answers it scores them and flags complete=%p', (count, complete) => {
    const answers = answersBy({}, 2).slice(0, count);
    const p = scoreInterestProfile(answers);
    expect(p.complete).toBe(complete);
    expect(p.answered).toBe(count);
    expect(Object.values(p.scores).reduce((a, b) => a + b, 0)).toBe(count * 2);
  });

  it.each<[string, InterestAnswer[], AssessmentErrorCode, string[]]>([
    ['an unknown item id', [{ itemId: 'X01', rating: 2 }, { itemId: 'R11', rating: 1 }], AssessmentErrorCode.UnknownItem, ['X01', 'R11']],
    ['a rating above 4', [{ itemId: 'R01', rating: 5 }], AssessmentErrorCode.InvalidRating, ['R01']],
    ['a negative rating', [{ itemId: 'I02', rating: -1 }], AssessmentErrorCode.InvalidRating, ['I02']],
    ['a fractional rating', [{ itemId: 'A03', rating: 2.5 }], AssessmentErrorCode.InvalidRating, ['A03']],
    ['a NaN rating', [{ itemId: 'S04', rating: Number.NaN }], AssessmentErrorCode.InvalidRating, ['S04']],
    ['a duplicate answer', [{ itemId: 'E05', rating: 1 }, { itemId: 'C06', rating: 1 }, { itemId: 'E05', rating: 3 }], AssessmentErrorCode.DuplicateAnswer, ['E05']],
  ])('rejects %s with a coded error naming the items', (_, answers, code, itemIds) => {
    const error = thrown(() => scoreInterestProfile(answers));
    expect(error.code).toBe(code);
    expect(error.itemIds).toEqual(itemIds);
  });
});

describe('JOB_ZONES', () => {
  it('describes zones 1 to 5', () => {
    expect(Object.keys(JOB_ZONES)).toEqual(['1', '2', '3', '4', '5']);
    expect(Object.values(JOB_ZONES).every((d) => d.length > 20)).toBe(true);
  });
});

describe('suggestOccupations', () => {
  const occ = (socCode: string, riasecCode: string, jobZone: Occupation['jobZone']): Occupation => ({
    socCode,
    title: `Occupation ${socCode}`,
    riasecCode,
    jobZone,
    medianAnnualWage: 40000,
    outlook: 'average',
  });
  // S=40, E=30, C=20, others 10: Holland code SEC.
  const profile = scoreInterestProfile(answersBy({ S: 4, E: 3, C: 2 }, 1));

  it.each<[string, Occupation[], Occupation['jobZone'], string[]]>([
    ['better RIASEC fit first within the chosen zone', [occ('1', 'RI', 2), occ('2', 'SE', 2), occ('3', 'ES', 2)], 2, ['2', '3', '1']],
    ['the chosen zone before other zones, however good their fit', [occ('1', 'S', 3), occ('2', 'R', 2)], 2, ['2', '1']],
    ['nearer zones before farther ones', [occ('1', 'S', 5), occ('2', 'S', 1), occ('3', 'S', 3)], 2, ['2', '3', '1']],
    ['SOC code breaks equal fit', [occ('29-1', 'S', 2), occ('21-1', 'S', 2)], 2, ['21-1', '29-1']],
    ['a one-letter code is not penalised against a longer one', [occ('1', 'SR', 2), occ('2', 'S', 2)], 2, ['2', '1']],
  ])('orders by %s', (_, catalogue, zone, expected) => {
    expect(suggestOccupations(profile, zone, catalogue).map((s) => s.occupation.socCode)).toEqual(expected);
  });

  it('never drops an occupation, even one far from the person’s interests and zone', () => {
    const catalogue = [occ('1', 'RIA', 5), occ('2', 'SEC', 1), occ('3', 'I', 3)];
    expect(suggestOccupations(profile, 1, catalogue)).toHaveLength(3);
  });

  it.each<[string, Occupation, string[]]>([
    ['zone and primary match', occ('1', 'S', 2), ['In your chosen job zone 2', 'Matches your primary interest, Social (40/40)']],
    ['zone above and an area outside the top three', occ('2', 'ER', 4), ['Job zone 4: 2 steps more preparation than zone 2', 'Matches your second interest, Enterprising (30/40)', 'Involves Realistic work, outside your top three (10/40)']],
    ['zone below and third interest', occ('3', 'C', 1), ['Job zone 1: 1 step less preparation than zone 2', 'Matches your third interest, Conventional (20/40)']],
  ])('explains each suggestion (%s)', (_, o, reasons) => {
    const [s] = suggestOccupations(profile, 2, [o]);
    expect(s.reasons).toEqual(expect.arrayContaining([...reasons, 'Median wage 40000; outlook average']));
  });

  it.each([
    ['S', 1],
    ['SE', (3 * 40 + 2 * 30) / 5 / 40],
    ['SEC', (3 * 40 + 2 * 30 + 20) / 6 / 40],
    ['RIA', 10 / 40],
  ])('computes fit for %p as the weighted share of the maximum', (code, fit) => {
    const [s] = suggestOccupations(profile, 2, [occ('1', code, 2)]);
    expect(s.fit).toBeCloseTo(fit, 3);
  });

  it('notes when the profile is incomplete', () => {
    const partial = scoreInterestProfile(answersBy({ S: 4 }).slice(0, 30));
    const [s] = suggestOccupations(partial, 2, [occ('1', 'S', 2)]);
    expect(s.reasons).toContain('Based on an incomplete interest profile');
  });

  it.each(['', 'SECR', 'SX'])('rejects an occupation RIASEC code %p', (code) => {
    expect(thrown(() => suggestOccupations(profile, 2, [occ('1', code, 2)])).code).toBe(AssessmentErrorCode.InvalidOccupationCode);
  });
});
