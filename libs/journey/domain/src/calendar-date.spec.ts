import { addDays, compareDates, daysBetween, earliestDate, epochDay, isoDateOf, latestDate, startOfDayMs } from './calendar-date';

describe('calendar dates (UTC)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-02-10', 90, '2026-05-11'],
    ['2028-01-01', 366, '2029-01-01'],
    ['2026-03-08', 1, '2026-03-09'], // US daylight-saving change: still one calendar day
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-01', '2026-04-01', 90],
    ['2028-01-01', '2028-04-01', 91],
    ['2026-12-31', '2027-01-01', 1],
    ['2027-01-01', '2026-12-31', -1],
    ['2028-02-28', '2028-03-01', 2],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '26-01-01', '2026-1-1', ''])('rejects %p', (bad) => {
    expect(() => epochDay(bad)).toThrow(RangeError);
  });

  it('reads the UTC date of an instant, whatever the local zone', () => {
    expect(isoDateOf(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
    expect(isoDateOf(new Date('2027-01-01T00:00:00-05:00'))).toBe('2027-01-01');
    expect(new Date(startOfDayMs('2028-02-29')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('orders, and picks the earliest and latest', () => {
    const dates = ['2027-01-01', '2026-12-31', '2028-02-29'];
    expect([...dates].sort(compareDates)).toEqual(['2026-12-31', '2027-01-01', '2028-02-29']);
    expect(latestDate(dates)).toBe('2028-02-29');
    expect(earliestDate(dates)).toBe('2026-12-31');
    expect(latestDate([])).toBeNull();
  });
});
