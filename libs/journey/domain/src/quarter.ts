import { addDays, type IsoDate } from './calendar-date';

/** A calendar quarter (WIOA indicators count quarters after the exit quarter). */
export interface Quarter {
  year: number;
  /** 1 (Jan-Mar) to 4 (Oct-Dec). */
  quarter: 1 | 2 | 3 | 4;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function quarterStarting(year: number, quarter: number): Quarter {
  const startMonth = (quarter - 1) * 3 + 1;
  const startsOn = `${year}-${pad(startMonth)}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
  return { year, quarter: quarter as Quarter['quarter'], startsOn, endsOn: addDays(nextStart, -1) };
}

/** The quarter a date falls in. */
export function quarterOf(date: IsoDate): Quarter {
  addDays(date, 0); // validates the date
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarterStarting(year, Math.floor((month - 1) / 3) + 1);
}

/** The quarter `n` quarters after `from` (n = 0 is `from` itself). */
export function quarterAfter(from: Quarter, n: number): Quarter {
  const index = from.year * 4 + (from.quarter - 1) + n;
  return quarterStarting(Math.floor(index / 4), (index % 4) + 1);
}

/**
 * The day the employment check for the `n`th quarter after the exit quarter falls due: the
 * day after that quarter ends (the quarter must be over before anyone can say whether the
 * person worked in it). Exit 2026-02-10 (Q1 2026): Q2 after is Q3 2026, due 2026-10-01.
 */
export function employmentCheckDueOn(exitOn: IsoDate, n: number): IsoDate {
  return addDays(quarterAfter(quarterOf(exitOn), n).endsOn, 1);
}
