/** Today's UTC calendar date (YYYY-MM-DD): the day casework rules compare dates with. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
