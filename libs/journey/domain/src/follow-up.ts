import type { JourneyRules } from '@waypoint/contracts';
import { addDays, compareDates, latestDate, type IsoDate } from './calendar-date';
import { employmentCheckDueOn } from './quarter';

/**
 * Where follow-up counts from (DOMAIN.md "Follow-up"): the exit date, or, where the program
 * says so (WIOA Adult/DW), the first day of the unsubsidized job held at exit or started after
 * it; the exit date when there is no such job (yet). A follow-up never moves the exit date.
 * `employmentStartOn` is the first day of the latest unsubsidized job.
 */
export function followUpStart(input: { exitOn: IsoDate; followUpFrom: JourneyRules['followUpFrom']; employmentStartOn: IsoDate | null }): IsoDate {
  if (input.followUpFrom === 'employment_start' && input.employmentStartOn) return input.employmentStartOn;
  return input.exitOn;
}

export type FollowUpCheckpointKind = 'follow_up_contact' | 'employment_check';

export interface FollowUpCheckpoint {
  /** Stable key, e.g. "contact-30", "q2" (what the journey marks done). */
  key: string;
  kind: FollowUpCheckpointKind;
  dueOn: IsoDate;
  label: string;
}

export interface FollowUpSchedule {
  startsOn: IsoDate;
  /** Contacts and employment checks, in date order. */
  checkpoints: FollowUpCheckpoint[];
  /** The journey closes on the later of the last contact day and the 4th-quarter check day. */
  closesOn: IsoDate;
}

const ORDINAL: Record<number, string> = { 2: '2nd', 4: '4th' };

/**
 * The follow-up after exit: contacts at start + each follow-up contact day (30, 90, 180, 270,
 * 365 by default) and employment checks for the 2nd and 4th quarter after the exit quarter
 * (each due the day after that quarter ends).
 */
export function followUpSchedule(input: { exitOn: IsoDate; startsOn: IsoDate; contactDays: readonly number[] }): FollowUpSchedule {
  const contacts: FollowUpCheckpoint[] = input.contactDays.map((day) => ({
    key: `contact-${day}`,
    kind: 'follow_up_contact',
    dueOn: addDays(input.startsOn, day),
    label: `Follow-up contact (day ${day})`,
  }));
  const checks: FollowUpCheckpoint[] = [2, 4].map((n) => ({
    key: `q${n}`,
    kind: 'employment_check',
    dueOn: employmentCheckDueOn(input.exitOn, n),
    label: `Employment check (${ORDINAL[n]} quarter after exit)`,
  }));
  const checkpoints = [...contacts, ...checks].sort((a, b) => compareDates(a.dueOn, b.dueOn) || a.key.localeCompare(b.key));
  const closesOn = latestDate([contacts.at(-1)?.dueOn ?? input.startsOn, checks[1].dueOn]) as IsoDate;
  return { startsOn: input.startsOn, checkpoints, closesOn };
}
