import { reviewRequiredFor, unreviewedCandidates } from './duplicate-review';

describe('reviewRequiredFor', () => {
  it('needs review of likely and certain candidates only', () => {
    expect(
      reviewRequiredFor([
        { id: 'a', level: 'certain' },
        { id: 'b', level: 'possible' },
        { id: 'c', level: 'likely' },
        { id: 'd', level: 'none' },
      ]),
    ).toEqual(['a', 'c']);
  });
});

describe('unreviewedCandidates', () => {
  it.each([
    ['no confirmation', ['a', 'c'], undefined, ['a', 'c']],
    ['a confirmation covering all', ['a', 'c'], { confirmedNotDuplicate: true, reviewedCandidateIds: ['c', 'a', 'x'] }, []],
    ['a confirmation missing one', ['a', 'c'], { confirmedNotDuplicate: true, reviewedCandidateIds: ['a'] }, ['c']],
    ['a confirmation that is not one', ['a'], { confirmedNotDuplicate: false, reviewedCandidateIds: ['a'] }, ['a']],
    ['nothing to review', [], undefined, []],
  ])('with %s', (_what, required, review, expected) => {
    expect(unreviewedCandidates(required, review)).toEqual(expected);
  });
});
