import { employmentCheckDueOn, quarterAfter, quarterOf } from './quarter';

describe('quarters', () => {
  it.each([
    ['2026-01-01', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-03-31', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-04-01', 2026, 2, '2026-04-01', '2026-06-30'],
    ['2026-09-30', 2026, 3, '2026-07-01', '2026-09-30'],
    ['2026-12-31', 2026, 4, '2026-10-01', '2026-12-31'],
    ['2028-02-29', 2028, 1, '2028-01-01', '2028-03-31'],
  ])('%s is in Q%2$s of %1$s', (date, year, quarter, startsOn, endsOn) => {
    expect(quarterOf(date)).toEqual({ year, quarter, startsOn, endsOn });
  });

  it.each([
    ['2026-02-10', 2, 2026, 3],
    ['2026-02-10', 4, 2027, 1],
    ['2026-12-31', 1, 2027, 1],
    ['2026-12-31', 2, 2027, 2],
    ['2026-12-31', 4, 2027, 4],
    ['2026-10-01', 8, 2028, 4],
  ])('exit %s: quarter %i after is Q%4$s %3$s', (exitOn, n, year, quarter) => {
    expect(quarterAfter(quarterOf(exitOn), n)).toMatchObject({ year, quarter });
  });

  it.each([
    // exit, n, due: the day after the nth quarter after the exit quarter ends
    ['2026-02-10', 2, '2026-10-01'],
    ['2026-02-10', 4, '2027-04-01'],
    ['2026-12-31', 2, '2027-07-01'],
    ['2026-12-31', 4, '2028-01-01'],
    ['2026-03-31', 2, '2026-10-01'],
    ['2026-03-31', 4, '2027-04-01'],
    ['2026-04-01', 2, '2027-01-01'],
    ['2027-11-15', 1, '2028-04-01'], // Q1 2028 holds 29 February
    ['2028-02-29', 2, '2028-10-01'],
    ['2028-02-29', 4, '2029-04-01'],
  ])('exit %s: the Q%i employment check falls due on %s', (exitOn, n, due) => {
    expect(employmentCheckDueOn(exitOn, n)).toBe(due);
  });
});
