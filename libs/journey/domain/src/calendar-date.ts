// UTC calendar dates as ISO strings ('YYYY-MM-DD'). Every journey rule counts whole days in
// UTC, so a date never shifts with the server's time zone or with daylight-saving changes.

/** A calendar date, 'YYYY-MM-DD' (UTC). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a valid ISO date; throws on anything else (2026-02-30 included). */
export function epochDay(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`No such calendar date: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

/** The ISO date of a day number (see `epochDay`). */
export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function isoDateOf(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

/** The date `days` days after (or, negative, before) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** Negative, zero or positive as `a` is before, on or after `b` (a comparator for sort). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return epochDay(a) - epochDay(b);
}

/** The latest of the dates, or null when there are none. */
export function latestDate(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((latest, d) => (latest === null || compareDates(d, latest) > 0 ? d : latest), null);
}

/** The earliest of the dates, or null when there are none. */
export function earliestDate(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((earliest, d) => (earliest === null || compareDates(d, earliest) < 0 ? d : earliest), null);
}

/** Midnight UTC at the start of the date, as epoch milliseconds (when a timer for that day fires). */
export function startOfDayMs(date: IsoDate): number {
  return epochDay(date) * DAY_MS;
}
