import {
  ProgramDefinitionSchema,
  type IncomeTable,
  type ProgramCode,
  type ProgramDefinition,
  type ProgramDefinitionInput,
} from '@waypoint/contracts';

// The shape of rules and programs is an API contract (administrators edit them through the
// gateway; staff-web shows them); this library evaluates them.
export {
  IncomeTableSchema,
  LeafRuleSchema,
  ProgramDefinitionSchema,
  PUBLIC_ASSISTANCE,
  RuleSchema,
  type IncomeTable,
  type LeafRule,
  type ProgramDefinition,
  type ProgramDefinitionInput,
  type PublicAssistance,
  type Rule,
  type RuleInput,
} from '@waypoint/contracts';

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
