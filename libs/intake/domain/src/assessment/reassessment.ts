import type { AssessmentKind } from '@waypoint/contracts';

/**
 * Days from one assessment to the next of the same kind. Barriers and job readiness move
 * fast (quarterly, as readiness reviews are in programs of 3-12 months); interests and the
 * questionnaire's history change slowly (yearly). Programs that need monthly readiness
 * reviews (3-month programs) can reassess earlier: the due date is a prompt, not a lock.
 */
export const REASSESSMENT_INTERVAL_DAYS: Readonly<Record<AssessmentKind, number>> = {
  'intake-questionnaire': 365,
  barriers: 90,
  'interest-profile': 365,
  'job-readiness': 90,
};

const DAY_MS = 24 * 3600 * 1000;

/** The calendar day (UTC, YYYY-MM-DD) the next assessment of `kind` is due after one completed at `completedAt`. */
export function reassessmentDueOn(kind: AssessmentKind, completedAt: Date): string {
  const day = Date.UTC(completedAt.getUTCFullYear(), completedAt.getUTCMonth(), completedAt.getUTCDate());
  return new Date(day + REASSESSMENT_INTERVAL_DAYS[kind] * DAY_MS).toISOString().slice(0, 10);
}

/** Due on the day itself and every day after. Both are YYYY-MM-DD, so they compare as strings. */
export function isReassessmentDue(dueOn: string, today: string): boolean {
  return dueOn <= today;
}

/** The calendar day (UTC) of a moment, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
