import type { JourneyDeadline, JourneyDeadlineKind } from '@waypoint/contracts';
import { addDays, compareDates, latestDate, type IsoDate } from './calendar-date';
import { evaluateExit, type ServiceFacts } from './exit-rule';
import { followUpSchedule } from './follow-up';
import { combinedRules, openEnrollments, type EnrollmentFacts } from './journey-rules';

/** What the deadline list is computed from (the journey's state fits this shape). */
export interface DeadlineFacts {
  today: IsoDate;
  enrollments: readonly EnrollmentFacts[];
  services: readonly ServiceFacts[];
  planSigned: boolean;
  lastContactOn: IsoDate | null;
  /** Reassessment due date per assessment kind. */
  reassessmentDue: Readonly<Record<string, IsoDate>>;
  /** Set once an exit is proposed: the exit deadline is then the staff's review, not a clock. */
  exitProposed: boolean;
  /** When staff should have reviewed the proposed exit (listed while the proposal stands). */
  exitReviewDueOn?: IsoDate | null;
  exit: { exitOn: IsoDate; followUpFrom: IsoDate; contactDays: readonly number[] } | null;
  /** Follow-up checkpoints already handled, by key. */
  followUpDone: readonly string[];
  /** The day a reopened case restarted its clocks. */
  restartedOn?: IsoDate | null;
}

const deadline = (kind: JourneyDeadlineKind, dueOn: IsoDate, label: string, program?: string): JourneyDeadline => ({
  kind,
  dueOn,
  label,
  ...(program ? { program } : {}),
});

/** Plain words for an assessment kind, e.g. "job_readiness" → "job readiness". */
const words = (kind: string): string => kind.replace(/[_-]+/g, ' ');

/** The day the monthly-contact clock runs from: the last contact, the first enrollment or the restart, whichever is latest. */
export function contactClockFrom(enrollments: readonly EnrollmentFacts[], lastContactOn: IsoDate | null, restartedOn?: IsoDate | null): IsoDate | null {
  const first = openEnrollments(enrollments)[0]?.enrolledOn ?? null;
  if (!first) return null;
  return latestDate([first, ...(lastContactOn ? [lastContactOn] : []), ...(restartedOn ? [restartedOn] : [])]);
}

/**
 * The journey's coming deadlines, soonest first: before exit the plan (until signed), the
 * monthly contact, reassessments and the 90-day exit (while nothing blocks it); after exit the
 * follow-up checkpoints not yet handled and the journey's close. Clocks of plan and contact
 * start at enrollment.
 */
export function journeyDeadlines(facts: DeadlineFacts): JourneyDeadline[] {
  const list: JourneyDeadline[] = [];
  if (facts.exit) {
    const schedule = followUpSchedule({ exitOn: facts.exit.exitOn, startsOn: facts.exit.followUpFrom, contactDays: facts.exit.contactDays });
    for (const c of schedule.checkpoints) {
      if (!facts.followUpDone.includes(c.key)) list.push(deadline(c.kind, c.dueOn, c.label));
    }
    list.push(deadline('journey_close', schedule.closesOn, 'Journey closes (end of follow-up)'));
  } else {
    const rules = combinedRules(facts.enrollments);
    const first = openEnrollments(facts.enrollments)[0];
    if (rules && first) {
      if (!facts.planSigned) list.push(deadline('plan_due', addDays(first.enrolledOn, rules.planDueDays), 'Plan due', first.program));
      const from = contactClockFrom(facts.enrollments, facts.lastContactOn, facts.restartedOn) as IsoDate;
      list.push(deadline('contact_due', addDays(from, rules.contactIntervalDays), 'Monthly contact due'));
    }
    for (const [kind, dueOn] of Object.entries(facts.reassessmentDue)) {
      list.push(deadline('reassessment_due', dueOn, `Reassessment due (${words(kind)})`));
    }
    if (facts.exitProposed && facts.exitReviewDueOn) {
      list.push(deadline('exit_inactivity', facts.exitReviewDueOn, 'Review the proposed exit'));
    } else if (!facts.exitProposed) {
      const evaluation = evaluateExit({ services: facts.services, enrollments: facts.enrollments, today: facts.today, restartedOn: facts.restartedOn });
      if (evaluation.dueOn) {
        list.push(deadline('exit_inactivity', evaluation.dueOn, `Exit after ${evaluation.inactivityDays} days without service`));
      }
    }
  }
  return list.sort((a, b) => compareDates(a.dueOn, b.dueOn) || a.label.localeCompare(b.label));
}
