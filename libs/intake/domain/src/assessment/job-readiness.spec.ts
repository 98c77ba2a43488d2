import { AssessmentErrorCode } from './assessment-error';
import {
  compareReadiness,
  gapLabel,
  personalReadinessMet,
  readinessCriteria,
  ReadinessRating,
  SOFT_SKILL_CRITERIA,
} from './job-readiness';
import { thrownAssessmentError } from './thrown-assessment-error.testing';

const staff = (criterionId: string, rating: number, evidence = 'Observed on shift'): ReadinessRating => ({ criterionId, rating, evidence });
const self = (criterionId: string, rating: number): ReadinessRating => ({ criterionId, rating });

const thrown = thrownAssessmentError;

describe('readiness criteria', () => {
  it('has the four soft skills', () => {
    expect(SOFT_SKILL_CRITERIA.map((c) => c.id)).toEqual([
      'attendance-punctuality',
      'appearance',
      'communication-attitude',
      'performance-productivity',
    ]);
  });

  it('adds industry-specific hard skills after the soft skills', () => {
    const criteria = readinessCriteria([{ id: 'forklift', label: 'Forklift operation' }]);
    expect(criteria).toHaveLength(5);
    expect(criteria[4]).toEqual({ id: 'forklift', label: 'Forklift operation', kind: 'hard' });
  });
});

describe('gapLabel', () => {
  it.each([
    [0, 'agrees'],
    [1, 'rates self higher'],
    [3, 'rates self higher'],
    [-1, 'rates self lower'],
    [-3, 'rates self lower'],
  ])('labels a gap of %p as %p', (gap, label) => {
    expect(gapLabel(gap)).toBe(label);
  });
});

describe('compareReadiness', () => {
  it.each([
    [3, 3, 0, 'agrees'],
    [2, 4, 2, 'rates self higher'],
    [4, 3, -1, 'rates self lower'],
    [1, 2, 1, 'rates self higher'],
  ])('staff %p and self %p give gap %p labelled %p', (s, m, gap, label) => {
    const result = compareReadiness([staff('appearance', s)], [self('appearance', m)]);
    expect(result.criteria.find((c) => c.criterion.id === 'appearance')).toMatchObject({ staff: s, self: m, gap, label });
  });

  it('averages each side over what it rated and lists criteria missing a rating on either side', () => {
    const result = compareReadiness(
      [staff('attendance-punctuality', 2), staff('appearance', 3), staff('forklift', 4)],
      [self('attendance-punctuality', 4), self('appearance', 3), self('communication-attitude', 4)],
      readinessCriteria([{ id: 'forklift', label: 'Forklift operation' }]),
    );
    expect(result.staffAverage).toBe(3);
    expect(result.selfAverage).toBe(3.67);
    expect(result.averageGap).toBe(1);
    expect(result.missingStaff).toEqual(['communication-attitude', 'performance-productivity']);
    expect(result.missingSelf).toEqual(['performance-productivity', 'forklift']);
    expect(result.criteria.find((c) => c.criterion.id === 'forklift')).toEqual({
      criterion: { id: 'forklift', label: 'Forklift operation', kind: 'hard' },
      staff: 4,
      self: undefined,
    });
  });

  it('leaves averages undefined when nothing is rated', () => {
    const result = compareReadiness([], []);
    expect(result).toMatchObject({ staffAverage: undefined, selfAverage: undefined, averageGap: undefined });
    expect(result.missingStaff).toHaveLength(4);
    expect(result.missingSelf).toHaveLength(4);
  });

  it.each<[string, ReadinessRating[], ReadinessRating[], AssessmentErrorCode, string[]]>([
    ['a staff rating of 0', [staff('appearance', 0)], [], AssessmentErrorCode.InvalidRating, ['appearance']],
    ['a staff rating of 5', [staff('appearance', 5)], [], AssessmentErrorCode.InvalidRating, ['appearance']],
    ['a fractional self rating', [], [self('appearance', 2.5)], AssessmentErrorCode.InvalidRating, ['appearance']],
    ['a self rating of 0', [], [self('communication-attitude', 0)], AssessmentErrorCode.InvalidRating, ['communication-attitude']],
    ['a staff rating without evidence', [staff('appearance', 3, '')], [], AssessmentErrorCode.EvidenceRequired, ['appearance']],
    ['a staff rating with blank evidence', [staff('appearance', 3, '   ')], [], AssessmentErrorCode.EvidenceRequired, ['appearance']],
    ['a rating of an unknown criterion', [staff('juggling', 3)], [], AssessmentErrorCode.UnknownCriterion, ['juggling']],
    ['a criterion rated twice by staff', [staff('appearance', 3), staff('appearance', 2)], [], AssessmentErrorCode.DuplicateAnswer, ['appearance']],
    ['a criterion rated twice by self', [], [self('appearance', 3), self('appearance', 2)], AssessmentErrorCode.DuplicateAnswer, ['appearance']],
  ])('rejects %s with a coded error', (_, staffRatings, selfRatings, code, ids) => {
    const error = thrown(() => compareReadiness(staffRatings, selfRatings));
    expect(error.code).toBe(code);
    expect(error.itemIds).toEqual(ids);
  });

  it('does not require evidence on self-ratings', () => {
    expect(() => compareReadiness([], [self('appearance', 2)])).not.toThrow();
  });
});

describe('personalReadinessMet', () => {
  const item = (id: string, met: boolean) => ({ id, label: id, met });
  it.each([
    ['every item met', [item('housing', true), item('childcare', true)], true],
    ['one item unmet', [item('housing', true), item('childcare', false)], false],
    ['no items met', [item('housing', false)], false],
    ['an empty checklist', [], false],
  ])('with %s returns %p', (_, items, expected) => {
    expect(personalReadinessMet({ items })).toBe(expected);
  });
});
