// Programs, offices, eligibility and enrollments: API shapes shared by intake, gateway and staff-web.
// Request bodies are zod schemas (validated by intake, documented by the gateway); answers are
// plain types. Every 400/422 answer is a ValidationErrorBody with field paths.
import { z } from 'zod/v4';
import {
  EligibilityAnswersSchema,
  programCodeSchema,
  type ActivityHours,
  type EligibilityAnswers,
  type FundingStream,
  type Rule,
} from '../programs';
import type { JourneyRules } from '../journey';

// ---- Configuration (GET/POST /programs, GET/PUT /programs/:code, POST /programs/:code/deactivate; same for /offices)

/** A program as stored: rules as data, validity, funding, hours. 409 on PUT with a stale `version`. */
export interface ProgramView {
  code: string;
  label: string;
  description: string;
  fundingStream: FundingStream;
  determinationValidDays: number;
  rules: Rule[];
  activityHours?: ActivityHours;
  /** The journey's deadlines for this program (the defaults when the administrator set none). */
  journeyRules: JourneyRules;
  active: boolean;
  /** Optimistic concurrency: send it back on PUT; it grows by one with every change. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Username of the last editor, or 'system' for the shipped defaults. */
  updatedBy: string;
}

export interface OfficeView {
  code: string;
  name: string;
  address?: { line1: string; city: string; state: string; postalCode: string };
  region: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** GET /reference: what the forms list (active offices and programs only). */
export interface ReferenceData {
  offices: { code: string; name: string }[];
  programs: { code: string; label: string }[];
}

// ---- Eligibility (POST/GET /participants/:id/eligibility, GET /participants/:id/eligibility/:determinationId)

/** Body of POST /participants/:id/eligibility: the one set of answers (every field optional). */
export const determineEligibilityRequestSchema = EligibilityAnswersSchema;
export type DetermineEligibilityRequest = EligibilityAnswers;

export type EligibilityStatusName = 'eligible' | 'not_eligible' | 'undetermined';

/** Why: one line per rule of the program. */
export interface EligibilityReasonView {
  ruleId: string;
  kind: Rule['kind'];
  outcome: 'passed' | 'failed' | 'missing';
  message: string;
  /** The document that would resolve a missing fact (only when outcome is 'missing'). */
  document?: string;
  /** anyOf rules: the outcome of each alternative. */
  branches?: EligibilityReasonView[];
}

export interface ProgramEligibilityView {
  program: string;
  label: string;
  status: EligibilityStatusName;
  reasons: EligibilityReasonView[];
  /** When this program's determination must be redone (its determinationValidDays after determinedAt). */
  expiresAt: string;
}

/** One determination: every active program at that moment, from one set of answers. */
export interface EligibilityDeterminationView {
  id: string;
  participantId: string;
  answers: EligibilityAnswers;
  results: ProgramEligibilityView[];
  determinedAt: string;
  determinedBy: string;
}

// ---- Enrollments (POST/GET /participants/:id/enrollments, POST .../:enrollmentId/exit)

const isoDate = z.iso.date('Use a date like 2026-05-31');

export const enrollRequestSchema = z
  .object({
    program: programCodeSchema,
    /** The determination to enroll from; default: the participant's latest one. */
    determinationId: z.string().trim().min(1).max(100).optional(),
    /** Date of program entry (PIRL 900); default: today (UTC). */
    enrolledOn: isoDate.optional(),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

/** Reasons for exit; the performance exclusions (incarcerated, health, deceased...) among them. */
export const EXIT_REASONS = [
  'entered_employment',
  'completed',
  'moved',
  'incarcerated',
  'health',
  'deceased',
  'reserve_call_up',
  'lost_contact',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** Plain-language labels for forms and lists. */
export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  entered_employment: 'Entered employment',
  completed: 'Completed the program',
  moved: 'Moved out of the area',
  incarcerated: 'Institutionalised or incarcerated',
  health: 'Health or medical treatment',
  deceased: 'Deceased',
  reserve_call_up: 'Called up to military reserve duty',
  lost_contact: 'Lost contact',
  other: 'Other (see note)',
};

export const ELIGIBILITY_STATUS_LABELS: Record<EligibilityStatusName, string> = {
  eligible: 'Eligible',
  not_eligible: 'Not eligible',
  undetermined: 'Undetermined: a fact is missing',
};

export const exitEnrollmentRequestSchema = z
  .object({
    /** Date of exit (PIRL 901): the last service date. */
    exitedOn: isoDate,
    reason: z.enum(EXIT_REASONS, { message: `Choose one of: ${EXIT_REASONS.join(', ')}` }),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ExitEnrollmentRequest = z.infer<typeof exitEnrollmentRequestSchema>;

/**
 * The eligibility frozen on an enrollment. `reasons` and `answers` (income, assistance...)
 * are left out for roles without IntakeAccess.readEligibility.
 */
export interface EligibilitySnapshotView {
  determinationId: string;
  status: EligibilityStatusName;
  determinedAt: string;
  expiresAt: string;
  reasons?: EligibilityReasonView[];
  answers?: EligibilityAnswers;
}

export interface EnrollmentView {
  id: string;
  participantId: string;
  program: string;
  label: string;
  office?: string;
  status: 'open' | 'exited';
  enrolledOn: string;
  enrolledBy: string;
  eligibility: EligibilitySnapshotView;
  exit?: { exitedOn: string; reason: ExitReason; note?: string; exitedBy: string; recordedAt: string };
}
