import type { InterestProfileResult, JobReadinessResult, ReadinessCriterionRow } from '@waypoint/contracts';
import { compareInterestProfiles, compareReadinessResults } from './assessment-comparison';

const profile = (scores: InterestProfileResult['scores'], primary: string, hollandCode: string): InterestProfileResult => ({
  scores,
  primary,
  primaryTiedWith: [],
  secondary: hollandCode[1],
  secondaryTiedWith: [],
  hollandCode,
  suggestions: [],
});

describe('compareInterestProfiles', () => {
  const before = profile({ R: 10, I: 20, A: 5, S: 30, E: 25, C: 0 }, 'S', 'SEI');
  it.each<[string, InterestProfileResult, number, boolean, boolean]>([
    ['same answers', before, 2, false, false],
    ['enterprising overtakes social', profile({ R: 10, I: 20, A: 5, S: 28, E: 35, C: 4 }, 'E', 'ESI'), 2, true, false],
    ['a new job zone only', before, 3, false, true],
  ])('%s', (_, after, zone, primaryChanged, jobZoneChanged) => {
    const c = compareInterestProfiles({ result: before, jobZone: 2 }, { result: after, jobZone: zone });
    expect(c.primaryChanged).toBe(primaryChanged);
    expect(c.jobZoneChanged).toBe(jobZoneChanged);
    expect(c.fromPrimary).toBe('S');
    for (const area of ['R', 'I', 'A', 'S', 'E', 'C'] as const) expect(c.scoreDeltas[area]).toBe(after.scores[area] - before.scores[area]);
  });
});

describe('compareReadinessResults', () => {
  const row = (criterionId: string, staff?: number, self?: number): ReadinessCriterionRow => ({
    criterionId,
    label: criterionId,
    kind: 'soft',
    staff,
    self,
    ...(staff !== undefined && self !== undefined ? { gap: self - staff } : {}),
  });
  const result = (criteria: ReadinessCriterionRow[], staffAverage?: number, selfAverage?: number): JobReadinessResult => ({
    criteria,
    staffAverage,
    selfAverage,
    missingSelf: [],
  });

  it.each<[string, ReadinessCriterionRow, ReadinessCriterionRow, object]>([
    ['staff rating up, self unchanged', row('appearance', 2, 3), row('appearance', 3, 3), { staffChange: 1, selfChange: 0, fromGap: 1, toGap: 0 }],
    ['self rating down', row('appearance', 3, 4), row('appearance', 3, 2), { staffChange: 0, selfChange: -2, fromGap: 1, toGap: -1 }],
    ['self not rated the first time', row('appearance', 1), row('appearance', 2, 2), { staffChange: 1, selfChange: undefined, fromSelf: undefined, toSelf: 2 }],
  ])('%s', (_, a, b, expected) => {
    const [c] = compareReadinessResults(result([a]), result([b])).criteria;
    expect(c).toMatchObject(expected);
  });

  it('lists criteria of the later assessment, then dropped ones, and the change of averages', () => {
    const c = compareReadinessResults(result([row('a', 2, 2), row('forklift', 1, 3)], 1.5, 2.5), result([row('b', 3, 3), row('a', 3, 3)], 3, 3));
    expect(c.criteria.map((x) => x.criterionId)).toEqual(['b', 'a', 'forklift']);
    expect(c.criteria[2]).toMatchObject({ fromStaff: 1, toStaff: undefined, staffChange: undefined });
    expect(c).toMatchObject({ staffAverageChange: 1.5, selfAverageChange: 0.5 });
  });
});
