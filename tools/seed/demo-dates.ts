const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `days` before today as YYYY-MM-DD (0 = today): demo dates stay in the past whenever the seed runs. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day about `years` years and `days` days before today. */
export function yearsAgo(years: number, days = 0): string {
  return daysAgo(Math.round(years * 365.25) + days);
}
