import { countsTowardExit, type ServiceCategory, type ServiceStatus } from '@waypoint/contracts';
import { addDays, compareDates, daysBetween, earliestDate, latestDate, type IsoDate } from './calendar-date';
import { combinedRules, openEnrollments, type EnrollmentFacts } from './journey-rules';

/** What the exit rule needs to know of a service (the workflow's services fit this shape). */
export interface ServiceFacts {
  program: string;
  category: ServiceCategory;
  status: ServiceStatus;
  startOn: IsoDate;
  /** Last day (expected, while in progress). */
  endOn?: IsoDate;
}

export interface ExitEvaluation {
  /** Last participant-level service date: counting services delivered, or in progress (started), or ended. */
  lastServiceOn: IsoDate | null;
  /** Where the inactivity count starts: the last service date, else the earliest open enrollment (never before a restart). */
  clockFrom: IsoDate | null;
  /** Days of inactivity before exit (the smallest of the open enrollments' rules). */
  inactivityDays: number | null;
  daysSinceClock: number | null;
  /** Counting services that hold the exit off today (in progress, or scheduled for today or later), in any program. */
  blockedBy: ServiceFacts[];
  /** The day the exit falls due if nothing else happens (clock + inactivity days), while nothing blocks. */
  dueOn: IsoDate | null;
  /**
   * The next day this evaluation can change without a new fact: the due day when nothing
   * blocks, else the day after the nearest blocking service ends or its scheduled day passes
   * (null while an open-ended service is in progress, or without an open enrollment).
   */
  reviewOn: IsoDate | null;
  /** Exit proposed today: the inactivity days have passed and nothing blocks. */
  proposed: boolean;
  /** The proposed exit date: the last service date (the earliest open enrollment when no service ever counted). */
  exitOn: IsoDate | null;
  /** Programs exiting together (common exit): every open enrollment. */
  programs: string[];
}

/** A counting in-progress service whose (expected) last day has passed: over, no longer holding exit. */
const ended = (s: ServiceFacts, today: IsoDate): boolean => s.status === 'in_progress' && s.endOn != null && compareDates(s.endOn, today) < 0;

function blocks(s: ServiceFacts, today: IsoDate): boolean {
  if (s.status === 'in_progress') return !ended(s, today);
  return s.status === 'scheduled' && compareDates(s.startOn, today) >= 0;
}

/** The date a counting service counts for, or null (cancelled, scheduled, not started). */
function serviceDate(s: ServiceFacts, today: IsoDate): IsoDate | null {
  if (s.status === 'delivered') return s.endOn ?? s.startOn;
  if (s.status === 'in_progress') {
    if (ended(s, today)) return s.endOn ?? s.startOn;
    return compareDates(s.startOn, today) <= 0 ? s.startOn : null;
  }
  return null;
}

/**
 * The 90-day exit rule (DOMAIN.md "Exit"): exit after N consecutive days with no
 * participant-level service and none scheduled or in progress in ANY co-enrolled program
 * (common exit); the exit date is the last service date. Services whose category does not
 * count (self-service, information only, follow-up, case management) neither reset nor block.
 */
export function evaluateExit(input: {
  services: readonly ServiceFacts[];
  enrollments: readonly EnrollmentFacts[];
  today: IsoDate;
  /** A reopened case counts its inactivity again from the day it was reopened. */
  restartedOn?: IsoDate | null;
}): ExitEvaluation {
  const { today } = input;
  const counting = input.services.filter((s) => countsTowardExit(s.category) && s.status !== 'cancelled');
  const lastServiceOn = latestDate(counting.flatMap((s) => serviceDate(s, today) ?? []));
  const open = openEnrollments(input.enrollments);
  const rules = combinedRules(input.enrollments);
  const firstService = lastServiceOn ?? earliestDate(open.map((e) => e.enrolledOn));
  const clockFrom = firstService && input.restartedOn ? latestDate([firstService, input.restartedOn]) : firstService;
  const blockedBy = counting.filter((s) => blocks(s, today));
  const programs = [...new Set(open.map((e) => e.program))];
  if (!rules || !clockFrom) {
    return { lastServiceOn, clockFrom, inactivityDays: null, daysSinceClock: null, blockedBy, dueOn: null, reviewOn: null, proposed: false, exitOn: null, programs };
  }
  const inactivityDays = rules.exitInactivityDays;
  const daysSinceClock = daysBetween(clockFrom, today);
  const dueOn = addDays(clockFrom, inactivityDays);
  let reviewOn: IsoDate | null = dueOn;
  if (blockedBy.length > 0) {
    const unblockDays = blockedBy.map((s) => (s.status === 'scheduled' ? addDays(s.startOn, 1) : s.endOn ? addDays(s.endOn, 1) : null));
    reviewOn = unblockDays.includes(null) ? null : earliestDate(unblockDays as IsoDate[]);
  }
  const proposed = blockedBy.length === 0 && daysSinceClock >= inactivityDays;
  return {
    lastServiceOn,
    clockFrom,
    inactivityDays,
    daysSinceClock,
    blockedBy,
    dueOn: blockedBy.length === 0 ? dueOn : null,
    reviewOn,
    proposed,
    exitOn: proposed ? firstService : null,
    programs,
  };
}

/** Days since the last participant-level service (null without one). */
export function daysSinceLastService(lastServiceOn: IsoDate | null, today: IsoDate): number | null {
  return lastServiceOn ? daysBetween(lastServiceOn, today) : null;
}
