import { z } from 'zod/v4';
import { JourneyRulesSchema } from './journey';

/**
 * Programs and offices are configuration held by the intake service (an administrator
 * adds local ones and edits the rules); contracts hold only their shapes, shared by
 * intake (which validates), the gateway (which documents) and staff-web (which edits).
 * These are the program codes shipped by default.
 */
export const DEFAULT_PROGRAM_CODES = [
  'WIOA_ADULT',
  'WIOA_DISLOCATED_WORKER',
  'WIOA_YOUTH',
  'WAGNER_PEYSER',
  'TAA',
  'TANF_ES',
  'SNAP_ET',
] as const;

/** A program code: upper-case letters, digits and underscores, e.g. WIOA_ADULT or LOCAL_REENTRY. */
export const programCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Program codes are 2-40 upper-case letters, digits or _, starting with a letter, e.g. LOCAL_YOUTH_BUILD');
export type ProgramCode = string;

/** An office code: lower-case letters, digits and hyphens, e.g. north-ajc. */
export const officeCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'Office codes are 2-40 lower-case letters, digits or -, starting with a letter, e.g. north-ajc');

// ---------------------------------------------------------------------------------------
// The one set of eligibility answers
// ---------------------------------------------------------------------------------------

const isoDate = z.iso.date('Use a date like 1990-05-31');

/**
 * The one set of answers a worker collects at intake. Every fact is optional: an
 * unanswered fact makes a rule "missing" (never "failed"), so eligibility for every
 * program can be shown from whatever is known so far.
 */
export const EligibilityAnswersSchema = z
  .object({
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
  })
  .strict();
export type EligibilityAnswers = z.infer<typeof EligibilityAnswersSchema>;

/** Yes/no facts a program may test directly with a `fact` rule. */
export const BOOLEAN_FACTS = ['veteran', 'inSchool', 'coveredByTradePetition'] as const;
export type BooleanFact = (typeof BOOLEAN_FACTS)[number];

// ---------------------------------------------------------------------------------------
// Eligibility rules as data
// ---------------------------------------------------------------------------------------

const document = z.string().trim().min(1, 'Name the document that would resolve a missing fact');
const ruleId = z.string().trim().min(1).optional();

export const PUBLIC_ASSISTANCE = ['TANF', 'SNAP', 'SSI'] as const;
export type PublicAssistance = (typeof PUBLIC_ASSISTANCE)[number];

/**
 * An income table: the amount for households of 1, 2, 3... (index 0 = one person)
 * and the amount added for each person beyond the table.
 */
export const IncomeTableSchema = z.object({
  amountsByHouseholdSize: z.array(z.number().positive('Table amounts must be positive')).min(1, 'The income table needs at least one amount'),
  perAdditionalPerson: z.number().min(0, 'The amount per additional person cannot be negative'),
});
export type IncomeTable = z.infer<typeof IncomeTableSchema>;

const AgeRule = z
  .object({
    kind: z.literal('age'),
    id: ruleId,
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    document,
  })
  .refine((r) => r.min !== undefined || r.max !== undefined, 'An age rule needs a minimum or a maximum age')
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: 'The minimum age cannot be above the maximum age',
    path: ['min'],
  });

const ResidencyRule = z.object({
  kind: z.literal('residency'),
  id: ruleId,
  states: z.array(z.string().regex(/^[A-Z]{2}$/, 'Use two-letter state codes')).min(1, 'List at least one state'),
  document,
});

const IncomeRule = z.object({
  kind: z.literal('incomeAtMostPercentOfTable'),
  id: ruleId,
  table: IncomeTableSchema,
  percent: z.number().positive('The percent of the table must be positive'),
  document,
});

const EmploymentStatusRule = z.object({
  kind: z.literal('employmentStatus'),
  id: ruleId,
  anyOf: z.array(z.enum(['employed', 'unemployed', 'not_in_labor_force'])).min(1, 'List at least one employment status'),
  document,
});

const DislocatedRule = z.object({
  kind: z.literal('dislocated'),
  id: ruleId,
  /** Also require eligibility for (or exhaustion of) unemployment insurance. */
  requireUnemploymentInsurance: z.boolean().default(false),
  document,
});

const PublicAssistanceRule = z.object({
  kind: z.literal('publicAssistance'),
  id: ruleId,
  anyOf: z.array(z.enum(PUBLIC_ASSISTANCE)).min(1, 'List at least one kind of public assistance'),
  document,
});

const SelectiveServiceRule = z.object({ kind: z.literal('selectiveService'), id: ruleId, document });
const RightToWorkRule = z.object({ kind: z.literal('rightToWork'), id: ruleId, document });

/** A yes/no fact that must have the given value, e.g. veteran = true for a local veterans' program. */
const FactRule = z.object({
  kind: z.literal('fact'),
  id: ruleId,
  fact: z.enum(BOOLEAN_FACTS),
  equals: z.boolean(),
  document,
});

const leafRules = [
  AgeRule,
  ResidencyRule,
  IncomeRule,
  EmploymentStatusRule,
  DislocatedRule,
  PublicAssistanceRule,
  SelectiveServiceRule,
  RightToWorkRule,
  FactRule,
] as const;

export const LeafRuleSchema = z.discriminatedUnion('kind', leafRules);
export type LeafRule = z.infer<typeof LeafRuleSchema>;

/** Alternatives: passes when any branch passes ("low income OR public assistance"). One level deep. */
const AnyOfRule = z.object({
  kind: z.literal('anyOf'),
  id: ruleId,
  rules: z.array(LeafRuleSchema).min(2, 'An anyOf rule needs at least two alternatives'),
});

export const RuleSchema = z.discriminatedUnion('kind', [...leafRules, AnyOfRule]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

const determinationValidDays = z
  .number()
  .int('Use a whole number of days')
  .min(1, 'A determination must stay valid for at least one day')
  .max(3660, 'A determination cannot stay valid for more than ten years');

/** What the eligibility rules need of a program: its code, name, rules and validity. */
export const ProgramDefinitionSchema = z.object({
  code: programCodeSchema,
  name: z.string().trim().min(1, 'Give the program a name'),
  rules: z.array(RuleSchema),
  determinationValidDays,
});
export type ProgramDefinition = z.infer<typeof ProgramDefinitionSchema>;
export type ProgramDefinitionInput = z.input<typeof ProgramDefinitionSchema>;

// ---------------------------------------------------------------------------------------
// Stored configuration: programs and offices
// ---------------------------------------------------------------------------------------

/** Where a program's money comes from (for reports and for the administrator's list). */
export const FUNDING_STREAMS = ['federal', 'state', 'local', 'private'] as const;
export type FundingStream = (typeof FUNDING_STREAMS)[number];

/**
 * Required participation hours (TANF/MFIP style) as data, not code: a default weekly
 * target, the targets per household situation, and the job-search limits.
 */
export const ActivityHoursSchema = z.object({
  weeklyHoursTarget: z.number().positive('The weekly hours target must be positive').max(80, 'At most 80 hours a week'),
  byHousehold: z
    .array(
      z.object({
        household: z.string().trim().min(1, 'Describe the household situation'),
        hoursPerMonth: z.number().positive().max(350).optional(),
        hoursPerWeek: z.number().positive().max(80).optional(),
      }),
    )
    .default([]),
  /** Job search counts toward the hours only for this many consecutive weeks. */
  jobSearchMaxConsecutiveWeeks: z.number().int().min(0).max(52).optional(),
});
export type ActivityHours = z.infer<typeof ActivityHoursSchema>;

/** The fields of a program an administrator sets (create: all; update: all but the code). */
const programFields = {
  label: z.string().trim().min(1, 'Give the program a label').max(120),
  description: z.string().trim().max(2000).default(''),
  fundingStream: z.enum(FUNDING_STREAMS),
  /** Days a determination for this program stays valid (many states: 45). */
  determinationValidDays: determinationValidDays.default(45),
  rules: z.array(RuleSchema),
  activityHours: ActivityHoursSchema.optional(),
  /** The journey's deadlines for this program (plan due, contact, exit, follow-up); defaults when absent. */
  journeyRules: JourneyRulesSchema.optional(),
  active: z.boolean().default(true),
};

/** Body of POST /programs: a new (local) program. */
export const createProgramSchema = z.object({ code: programCodeSchema, ...programFields }).strict();
export type CreateProgramRequest = z.input<typeof createProgramSchema>;

/** Body of PUT /programs/:code: the whole program, with the version it was read at. */
export const updateProgramSchema = z
  .object({ ...programFields, version: z.number().int().min(1, 'Send the version you read') })
  .strict();
export type UpdateProgramRequest = z.input<typeof updateProgramSchema>;

export const officeAddressSchema = z.object({
  line1: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  state: z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter state code'),
  postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'Use a ZIP code like 55401'),
});

const officeFields = {
  name: z.string().trim().min(1, 'Give the office a name').max(120),
  address: officeAddressSchema.optional(),
  region: z.string().trim().min(1, 'Name the region').max(80),
  active: z.boolean().default(true),
};

/** Body of POST /offices. */
export const createOfficeSchema = z.object({ code: officeCodeSchema, ...officeFields }).strict();
export type CreateOfficeRequest = z.input<typeof createOfficeSchema>;

/** Body of PUT /offices/:code: the whole office, with the version it was read at. */
export const updateOfficeSchema = z.object({ ...officeFields, version: z.number().int().min(1, 'Send the version you read') }).strict();
export type UpdateOfficeRequest = z.input<typeof updateOfficeSchema>;

/** Body of POST /programs/:code/deactivate and /offices/:code/deactivate. */
export const deactivateSchema = z.object({ version: z.number().int().min(1).optional() }).strict();
