import { DEFAULT_JOURNEY_RULES, type JourneyRules } from '@waypoint/contracts';
import { compareDates, type IsoDate } from './calendar-date';

/** What the rules need to know of an enrollment (the workflow's enrollments fit this shape). */
export interface EnrollmentFacts {
  program: string;
  enrolledOn: IsoDate;
  rules: JourneyRules;
  /** Set when staff closed this enrollment in intake. */
  exitedOn?: IsoDate;
}

/** Enrollments staff have not closed, earliest first. */
export function openEnrollments<E extends EnrollmentFacts>(enrollments: readonly E[]): E[] {
  return enrollments.filter((e) => !e.exitedOn).sort((a, b) => compareDates(a.enrolledOn, b.enrolledOn));
}

/**
 * One set of rules for a person enrolled in several programs (common exit, one plan, one
 * caseload): every deadline is the strictest (smallest) of the open enrollments'; follow-up
 * counts from the first day of employment when any open program says so (WIOA Adult/DW);
 * follow-up contact days are the union of the programs' days. Null without an open enrollment.
 */
export function combinedRules(enrollments: readonly EnrollmentFacts[]): JourneyRules | null {
  const open = openEnrollments(enrollments);
  if (open.length === 0) return null;
  const min = (pick: (r: JourneyRules) => number): number => Math.min(...open.map((e) => pick(e.rules)));
  return {
    planDueDays: min((r) => r.planDueDays),
    planEscalationDays: min((r) => r.planEscalationDays),
    contactIntervalDays: min((r) => r.contactIntervalDays),
    contactEscalationDays: min((r) => r.contactEscalationDays),
    exitInactivityDays: min((r) => r.exitInactivityDays),
    followUpFrom: open.some((e) => e.rules.followUpFrom === 'employment_start') ? 'employment_start' : 'exit',
    followUpContactDays: [...new Set(open.flatMap((e) => e.rules.followUpContactDays))].sort((a, b) => a - b),
  };
}

/** The rules at exit time: the open enrollments' combined, or the defaults when every one was closed in intake. */
export function rulesAtExit(enrollments: readonly EnrollmentFacts[]): JourneyRules {
  return combinedRules(enrollments) ?? combinedRules(enrollments.map(({ exitedOn: _closed, ...e }) => e)) ?? DEFAULT_JOURNEY_RULES;
}
