import { z } from 'zod/v4';

// The journey's shared vocabulary: the deadlines a program sets, the kinds of service and
// whether they hold the 90-day exit off, and the tasks the journey opens in planning.

const days = (what: string, max: number) =>
  z
    .number()
    .int(`${what}: use a whole number of days`)
    .min(1, `${what}: at least one day`)
    .max(max, `${what}: at most ${max} days`);

/** Where the 12 months of follow-up count from. */
export const FOLLOW_UP_ANCHORS = ['exit', 'employment_start'] as const;
export type FollowUpAnchor = (typeof FOLLOW_UP_ANCHORS)[number];

/**
 * The journey's deadlines for one program: program configuration (held by intake, edited by
 * administrators), carried to the journey by each enrolled event (so an enrollment keeps the
 * deadlines it started with).
 */
export const JourneyRulesSchema = z
  .object({
    /** The plan is due this many days after enrollment (reminder to the case manager). */
    planDueDays: days('Plan due', 365).default(30),
    /** Overdue by this many days: escalated to the supervisor. */
    planEscalationDays: days('Plan escalation', 90).default(7),
    /** A contact task opens when this many days pass without a recorded contact. */
    contactIntervalDays: days('Contact interval', 180).default(30),
    /** The contact task overdue by this many days: escalated to the supervisor. */
    contactEscalationDays: days('Contact escalation', 90).default(7),
    /** Days with no participant-level service (and none scheduled) before exit is proposed. */
    exitInactivityDays: days('Exit inactivity', 365).default(90),
    /** Follow-up counts from the exit date, or (WIOA Adult/DW) from the first day of employment. */
    followUpFrom: z.enum(FOLLOW_UP_ANCHORS).default('exit'),
    /** Follow-up contacts are due this many days after the follow-up start. */
    followUpContactDays: z
      .array(days('Follow-up contact', 730))
      .min(1, 'Give at least one follow-up contact day')
      .max(12)
      .refine((d) => d.every((v, i) => i === 0 || v > d[i - 1]), 'Follow-up contact days must increase')
      .default([30, 90, 180, 270, 365]),
  })
  .strict();
export type JourneyRules = z.infer<typeof JourneyRulesSchema>;
export type JourneyRulesInput = z.input<typeof JourneyRulesSchema>;

/** The defaults (DOMAIN.md): plan in 30 days, monthly contact, 90-day exit, 12 months of follow-up. */
export const DEFAULT_JOURNEY_RULES: JourneyRules = JourneyRulesSchema.parse({});

/** WIOA Adult and Dislocated Worker: follow-up counts from the first day of unsubsidized employment. */
export const EMPLOYMENT_START_FOLLOW_UP_RULES: JourneyRules = JourneyRulesSchema.parse({ followUpFrom: 'employment_start' });

const FOLLOW_UP_FROM_EMPLOYMENT: readonly string[] = ['WIOA_ADULT', 'WIOA_DISLOCATED_WORKER'];

/**
 * The journey deadlines of a program whose administrator has set none: the defaults, with
 * follow-up from the first day of employment for WIOA Adult and Dislocated Worker.
 */
export function defaultJourneyRulesFor(programCode: string): JourneyRules {
  return FOLLOW_UP_FROM_EMPLOYMENT.includes(programCode) ? EMPLOYMENT_START_FOLLOW_UP_RULES : DEFAULT_JOURNEY_RULES;
}

/**
 * Kinds of service. Only participant-level services hold the 90-day exit off: self-service,
 * information-only, follow-up services and case-management contacts do not (DOMAIN.md).
 */
export const SERVICE_CATEGORIES = [
  'career_service',
  'training',
  'supportive_service',
  'work_experience',
  'job_search_assistance',
  'self_service',
  'information_only',
  'follow_up',
  'case_management',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

const NOT_COUNTING_FOR_EXIT: readonly ServiceCategory[] = ['self_service', 'information_only', 'follow_up', 'case_management'];

/** Whether a service of this category resets (and, while open or scheduled, holds off) the exit clock. */
export function countsTowardExit(category: ServiceCategory): boolean {
  return !NOT_COUNTING_FOR_EXIT.includes(category);
}

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  career_service: 'Individualized career service',
  training: 'Training',
  supportive_service: 'Supportive service',
  work_experience: 'Work experience',
  job_search_assistance: 'Job search and placement assistance',
  self_service: 'Self-service (does not hold exit)',
  information_only: 'Information only (does not hold exit)',
  follow_up: 'Follow-up service (does not hold exit)',
  case_management: 'Case-management contact (does not hold exit)',
};

/**
 * A service's state: scheduled (a future date; holds exit off until that date), in progress
 * (holds exit off until it ends), delivered (its date resets the clock), cancelled.
 */
export const SERVICE_STATUSES = ['scheduled', 'in_progress', 'delivered', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** How a contact was made (case notes use the same list). */
export const CONTACT_TYPES = ['in_person', 'phone', 'video', 'text', 'email', 'collateral'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** Tasks and reminders the journey opens (in planning, which owns tasks) and closes. */
export const JOURNEY_TASK_KINDS = [
  'plan_due',
  'plan_overdue',
  'contact_due',
  'contact_overdue',
  'reassessment_due',
  'exit_review',
  'follow_up_contact',
  'employment_check',
] as const;
export type JourneyTaskKind = (typeof JOURNEY_TASK_KINDS)[number];

/** Who a journey task is for: the person's case manager, or (escalations) the supervisor. */
export const TASK_AUDIENCES = ['case_manager', 'supervisor'] as const;
export type TaskAudience = (typeof TASK_AUDIENCES)[number];

/** The deadlines the journey keeps (the next one shows in the participant list). */
export const JOURNEY_DEADLINE_KINDS = [
  'plan_due',
  'contact_due',
  'reassessment_due',
  'exit_inactivity',
  'follow_up_contact',
  'employment_check',
  'journey_close',
] as const;
export type JourneyDeadlineKind = (typeof JOURNEY_DEADLINE_KINDS)[number];

export const journeyDeadlineSchema = z.object({
  kind: z.enum(JOURNEY_DEADLINE_KINDS),
  /** The day it falls due (UTC calendar date). */
  dueOn: z.iso.date(),
  /** Plain words for the list, e.g. "Plan due", "Follow-up contact (day 90)". */
  label: z.string().min(1),
  program: z.string().optional(),
});
export type JourneyDeadline = z.infer<typeof journeyDeadlineSchema>;
