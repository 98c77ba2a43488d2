import type { ProgramCode } from '@waypoint/contracts';
import { z } from 'zod/v4';
import { BOOLEAN_FACTS } from './eligibility-answers';

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

/** A program as data: the federal programs and any local program an administrator defines. */
export const ProgramDefinitionSchema = z.object({
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Use upper-case letters, digits and underscores, e.g. LOCAL_YOUTH_BUILD'),
  name: z.string().trim().min(1, 'Give the program a name'),
  rules: z.array(RuleSchema),
  determinationValidDays: z
    .number()
    .int('Use a whole number of days')
    .min(1, 'A determination must stay valid for at least one day'),
});
export type ProgramDefinition = z.infer<typeof ProgramDefinitionSchema>;
export type ProgramDefinitionInput = z.input<typeof ProgramDefinitionSchema>;

/**
 * ILLUSTRATIVE ONLY: figures shaped like the 2024 HHS poverty guidelines (48 states).
 * The real table (e.g. the WIOA lower living standard income level for the local area)
 * is configuration an administrator must set; do not rely on these numbers.
 */
export const ILLUSTRATIVE_INCOME_TABLE: IncomeTable = {
  amountsByHouseholdSize: [15060, 20440, 25820, 31200, 36580, 41960, 47340, 52720],
  perAdditionalPerson: 5380,
};

const DOB_DOCUMENT = 'Birth certificate, state ID or driver licence';
const SELECTIVE_SERVICE_DOCUMENT = 'Selective Service registration verification (sss.gov) or status information letter';
const RIGHT_TO_WORK_DOCUMENT = 'Form I-9 documents (e.g. US passport, or state ID with social security card)';
const INCOME_DOCUMENT = 'Pay stubs, tax return or employer statement for household income';
const ASSISTANCE_DOCUMENT = 'Benefit award letter or agency verification (TANF, SNAP or SSI)';
const LAYOFF_DOCUMENT = 'Layoff notice, termination letter or UI claim record';

const selectiveService = { kind: 'selectiveService', document: SELECTIVE_SERVICE_DOCUMENT } as const;
const rightToWork = { kind: 'rightToWork', document: RIGHT_TO_WORK_DOCUMENT } as const;

/**
 * Plausible, simplified defaults for the demo; the intent is that administrators edit them.
 * Many states expire a determination after 45 days.
 */
export const DEFAULT_PROGRAMS: readonly ProgramDefinition[] = (
  [
    {
      code: 'WIOA_ADULT',
      name: 'WIOA Adult',
      determinationValidDays: 45,
      rules: [{ kind: 'age', min: 18, document: DOB_DOCUMENT }, selectiveService, rightToWork],
    },
    {
      code: 'WIOA_DISLOCATED_WORKER',
      name: 'WIOA Dislocated Worker',
      determinationValidDays: 45,
      rules: [
        { kind: 'dislocated', requireUnemploymentInsurance: true, document: LAYOFF_DOCUMENT },
        selectiveService,
        rightToWork,
      ],
    },
    {
      code: 'WIOA_YOUTH',
      name: 'WIOA Youth',
      determinationValidDays: 45,
      rules: [
        { kind: 'age', min: 14, max: 24, document: DOB_DOCUMENT },
        {
          kind: 'anyOf',
          id: 'lowIncome',
          rules: [
            { kind: 'incomeAtMostPercentOfTable', table: ILLUSTRATIVE_INCOME_TABLE, percent: 100, document: INCOME_DOCUMENT },
            { kind: 'publicAssistance', anyOf: ['TANF', 'SNAP', 'SSI'], document: ASSISTANCE_DOCUMENT },
          ],
        },
        selectiveService,
        rightToWork,
      ],
    },
    {
      code: 'WAGNER_PEYSER',
      name: 'Wagner-Peyser Employment Service',
      determinationValidDays: 45,
      rules: [rightToWork],
    },
    {
      code: 'TAA',
      name: 'Trade Adjustment Assistance',
      determinationValidDays: 45,
      rules: [
        { kind: 'fact', fact: 'coveredByTradePetition', equals: true, document: 'Certified TAA petition number and employer separation record' },
        { kind: 'dislocated', requireUnemploymentInsurance: false, document: LAYOFF_DOCUMENT },
        rightToWork,
      ],
    },
    {
      code: 'TANF_ES',
      name: 'TANF employment services',
      determinationValidDays: 45,
      rules: [{ kind: 'publicAssistance', anyOf: ['TANF'], document: 'TANF eligibility notice from the county or state agency' }],
    },
    {
      code: 'SNAP_ET',
      name: 'SNAP Employment and Training',
      determinationValidDays: 45,
      rules: [
        { kind: 'age', min: 16, max: 59, document: DOB_DOCUMENT },
        { kind: 'publicAssistance', anyOf: ['SNAP'], document: 'SNAP eligibility notice from the county or state agency' },
      ],
    },
  ] satisfies (ProgramDefinitionInput & { code: ProgramCode })[]
).map((p) => ProgramDefinitionSchema.parse(p));
