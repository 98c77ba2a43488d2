import { z } from 'zod/v4';

const isoDate = z.iso.date('Use a date like 1990-05-31');

/**
 * The one set of answers a worker collects at intake. Every fact is optional: an
 * unanswered fact makes a rule "missing" (never "failed"), so eligibility for every
 * program can be shown from whatever is known so far.
 */
export const EligibilityAnswersSchema = z.object({
  /** ISO date (YYYY-MM-DD); ages are computed on the determination date. */
  dateOfBirth: isoDate.optional(),
  /** Sex assigned at birth: only used for the Selective Service requirement. */
  sexAssignedAtBirth: z.enum(['male', 'female']).optional(),
  /** Two-letter state of residence, e.g. "MN". */
  stateOfResidence: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use the two-letter state code')
    .optional(),
  householdSize: z.number().int().min(1, 'A household has at least one person').optional(),
  /** Annual household income in dollars. */
  annualHouseholdIncome: z.number().min(0, 'Income cannot be negative').optional(),
  employmentStatus: z.enum(['employed', 'unemployed', 'not_in_labor_force']).optional(),
  /** Terminated or laid off, or received a notice of termination or layoff. */
  laidOffOrNoticeReceived: z.boolean().optional(),
  /** Eligible for or has exhausted unemployment insurance. */
  eligibleForOrExhaustedUI: z.boolean().optional(),
  /** Covered by a certified Trade Adjustment Assistance petition. */
  coveredByTradePetition: z.boolean().optional(),
  receivesTanf: z.boolean().optional(),
  receivesSnap: z.boolean().optional(),
  receivesSsi: z.boolean().optional(),
  selectiveServiceStatus: z.enum(['registered', 'exempt', 'not_registered']).optional(),
  /** Documents establishing the right to work in the United States have been seen. */
  rightToWorkDocumented: z.boolean().optional(),
  veteran: z.boolean().optional(),
  inSchool: z.boolean().optional(),
});
export type EligibilityAnswers = z.infer<typeof EligibilityAnswersSchema>;

/** Yes/no facts a program may test directly with a `fact` rule. */
export const BOOLEAN_FACTS = ['veteran', 'inSchool', 'coveredByTradePetition'] as const;
export type BooleanFact = (typeof BOOLEAN_FACTS)[number];
