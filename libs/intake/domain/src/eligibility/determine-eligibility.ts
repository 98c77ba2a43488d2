import type { EligibilityAnswers } from './eligibility-answers';
import type { IncomeTable, LeafRule, ProgramDefinition, PublicAssistance, Rule } from './program-rules';

export type RuleOutcome = 'passed' | 'failed' | 'missing';
export type EligibilityStatus = 'eligible' | 'not_eligible' | 'undetermined';

export interface EligibilityReason {
  /** The rule's configured id, or its kind when none was given. */
  ruleId: string;
  kind: Rule['kind'];
  outcome: RuleOutcome;
  /** Plain language for the worker. */
  message: string;
  /** What would resolve the missing fact; only on `missing` outcomes. */
  document?: string;
  /** For `anyOf`: the outcome of every alternative. */
  branches?: EligibilityReason[];
}

export interface EligibilityDetermination {
  program: { code: string; name: string };
  status: EligibilityStatus;
  reasons: EligibilityReason[];
  determinedAt: Date;
  expiresAt: Date;
  /** A copy of the answers the determination was made from. */
  answers: EligibilityAnswers;
}

/** What an enrollment keeps: the determination frozen, dates as ISO strings. */
export type EligibilitySnapshot = Readonly<
  Omit<EligibilityDetermination, 'determinedAt' | 'expiresAt' | 'reasons' | 'answers' | 'program'> & {
    program: Readonly<EligibilityDetermination['program']>;
    reasons: readonly Readonly<EligibilityReason>[];
    answers: Readonly<EligibilityAnswers>;
    determinedAt: string;
    expiresAt: string;
  }
>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Selective Service registration applies to men born on or after this date, once 18. */
const SELECTIVE_SERVICE_BORN_FROM = '1960-01-01';

/** Whole years between an ISO birth date and the calendar date (UTC) of `asOf`. */
export function ageOn(dateOfBirth: string, asOf: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const ay = asOf.getUTCFullYear();
  const am = asOf.getUTCMonth() + 1;
  const ad = asOf.getUTCDate();
  return ay - y - (am < m || (am === m && ad < d) ? 1 : 0);
}

/** The income limit in dollars (to the cent) for a household size at a percent of the table. */
export function incomeLimit(table: IncomeTable, householdSize: number, percent: number): number {
  const amounts = table.amountsByHouseholdSize;
  const base =
    householdSize <= amounts.length
      ? amounts[householdSize - 1]
      : amounts[amounts.length - 1] + (householdSize - amounts.length) * table.perAdditionalPerson;
  return Math.round(base * percent) / 100;
}

const ASSISTANCE_FACT: Record<PublicAssistance, 'receivesTanf' | 'receivesSnap' | 'receivesSsi'> = {
  TANF: 'receivesTanf',
  SNAP: 'receivesSnap',
  SSI: 'receivesSsi',
};

const STATUS_LABEL = { employed: 'employed', unemployed: 'unemployed', not_in_labor_force: 'not in the labour force' };

function reason(rule: Rule, outcome: RuleOutcome, message: string): EligibilityReason {
  const base = { ruleId: rule.id ?? rule.kind, kind: rule.kind, outcome, message };
  return outcome === 'missing' && 'document' in rule ? { ...base, document: rule.document } : base;
}

function money(n: number): string {
  return `$${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

function evaluateLeaf(rule: LeafRule, a: EligibilityAnswers, asOf: Date): EligibilityReason {
  switch (rule.kind) {
    case 'age': {
      const range =
        rule.min !== undefined && rule.max !== undefined
          ? `${rule.min} to ${rule.max}`
          : rule.min !== undefined
            ? `${rule.min} or older`
            : `${rule.max} or younger`;
      if (!a.dateOfBirth) return reason(rule, 'missing', `Date of birth is needed to check the age (${range}).`);
      const age = ageOn(a.dateOfBirth, asOf);
      const ok = (rule.min === undefined || age >= rule.min) && (rule.max === undefined || age <= rule.max);
      return reason(rule, ok ? 'passed' : 'failed', `Age ${age}; the program is for ages ${range}.`);
    }
    case 'residency': {
      if (!a.stateOfResidence) return reason(rule, 'missing', `State of residence is needed (${rule.states.join(', ')}).`);
      const ok = rule.states.includes(a.stateOfResidence);
      return reason(rule, ok ? 'passed' : 'failed', `Lives in ${a.stateOfResidence}; the program serves ${rule.states.join(', ')}.`);
    }
    case 'incomeAtMostPercentOfTable': {
      if (a.householdSize === undefined || a.annualHouseholdIncome === undefined) {
        return reason(rule, 'missing', 'Household size and annual household income are needed for the income test.');
      }
      const limit = incomeLimit(rule.table, a.householdSize, rule.percent);
      const ok = a.annualHouseholdIncome <= limit;
      return reason(
        rule,
        ok ? 'passed' : 'failed',
        `Household income ${money(a.annualHouseholdIncome)} is ${ok ? 'within' : 'above'} the limit of ${money(limit)} for a household of ${a.householdSize}.`,
      );
    }
    case 'employmentStatus': {
      const wanted = rule.anyOf.map((s) => STATUS_LABEL[s]).join(' or ');
      if (!a.employmentStatus) return reason(rule, 'missing', `Employment status is needed (must be ${wanted}).`);
      const ok = rule.anyOf.includes(a.employmentStatus);
      return reason(rule, ok ? 'passed' : 'failed', `Currently ${STATUS_LABEL[a.employmentStatus]}; the program requires ${wanted}.`);
    }
    case 'dislocated': {
      if (a.laidOffOrNoticeReceived === false) return reason(rule, 'failed', 'Has not been laid off and has no layoff notice.');
      if (rule.requireUnemploymentInsurance && a.eligibleForOrExhaustedUI === false) {
        return reason(rule, 'failed', 'Is neither eligible for nor has exhausted unemployment insurance.');
      }
      if (a.laidOffOrNoticeReceived === undefined) return reason(rule, 'missing', 'Whether the person was laid off or received a layoff notice is needed.');
      if (rule.requireUnemploymentInsurance && a.eligibleForOrExhaustedUI === undefined) {
        return reason(rule, 'missing', 'Whether the person is eligible for or has exhausted unemployment insurance is needed.');
      }
      return reason(rule, 'passed', 'Laid off or has a layoff notice.');
    }
    case 'publicAssistance': {
      const received = rule.anyOf.filter((k) => a[ASSISTANCE_FACT[k]] === true);
      if (received.length) return reason(rule, 'passed', `Receives ${received.join(', ')}.`);
      const unknown = rule.anyOf.filter((k) => a[ASSISTANCE_FACT[k]] === undefined);
      if (unknown.length) return reason(rule, 'missing', `Whether the person receives ${unknown.join(' or ')} is needed.`);
      return reason(rule, 'failed', `Does not receive ${rule.anyOf.join(' or ')}.`);
    }
    case 'selectiveService': {
      if (a.sexAssignedAtBirth === 'female') return reason(rule, 'passed', 'Selective Service registration does not apply.');
      if (!a.sexAssignedAtBirth) return reason(rule, 'missing', 'Sex assigned at birth is needed to know whether Selective Service registration applies.');
      if (!a.dateOfBirth) return reason(rule, 'missing', 'Date of birth is needed to know whether Selective Service registration applies.');
      if (a.dateOfBirth < SELECTIVE_SERVICE_BORN_FROM) return reason(rule, 'passed', 'Born before 1960: Selective Service registration does not apply.');
      if (ageOn(a.dateOfBirth, asOf) < 18) return reason(rule, 'passed', 'Under 18: Selective Service registration is not yet required.');
      if (!a.selectiveServiceStatus) return reason(rule, 'missing', 'Selective Service registration status is needed.');
      if (a.selectiveServiceStatus === 'not_registered') {
        return reason(rule, 'failed', 'Not registered with Selective Service, which is required for men born on or after 1960-01-01.');
      }
      return reason(rule, 'passed', a.selectiveServiceStatus === 'exempt' ? 'Exempt from Selective Service registration.' : 'Registered with Selective Service.');
    }
    case 'rightToWork': {
      if (a.rightToWorkDocumented === undefined) return reason(rule, 'missing', 'Proof of the right to work in the United States is needed.');
      return a.rightToWorkDocumented
        ? reason(rule, 'passed', 'Right to work is documented.')
        : reason(rule, 'failed', 'Right to work in the United States is not documented.');
    }
    case 'fact': {
      const value = a[rule.fact];
      if (value === undefined) return reason(rule, 'missing', `The answer to "${rule.fact}" is needed.`);
      return reason(rule, value === rule.equals ? 'passed' : 'failed', `"${rule.fact}" is ${value ? 'yes' : 'no'}; the program requires ${rule.equals ? 'yes' : 'no'}.`);
    }
  }
}

function evaluate(rule: Rule, a: EligibilityAnswers, asOf: Date): EligibilityReason {
  if (rule.kind !== 'anyOf') return evaluateLeaf(rule, a, asOf);
  const branches = rule.rules.map((r) => evaluateLeaf(r, a, asOf));
  const ruleId = rule.id ?? rule.kind;
  if (branches.some((b) => b.outcome === 'passed')) {
    const passed = branches.find((b) => b.outcome === 'passed');
    return { ruleId, kind: 'anyOf', outcome: 'passed', message: `One alternative is met: ${passed?.message}`, branches };
  }
  const missing = branches.filter((b) => b.outcome === 'missing');
  if (missing.length) {
    return {
      ruleId,
      kind: 'anyOf',
      outcome: 'missing',
      message: `None of the alternatives is met yet; any one of them would do. ${missing.map((b) => b.message).join(' Or: ')}`,
      document: missing.map((b) => b.document).filter(Boolean).join(' or '),
      branches,
    };
  }
  return { ruleId, kind: 'anyOf', outcome: 'failed', message: `None of the alternatives is met: ${branches.map((b) => b.message).join(' ')}`, branches };
}

/** Eligibility for every program at once from one set of answers, each with its reasons. Pure: `asOf` is injected. */
export function determineEligibility(
  answers: EligibilityAnswers,
  programs: readonly ProgramDefinition[],
  asOf: Date,
): EligibilityDetermination[] {
  return programs.map((program) => {
    const reasons = program.rules.map((rule) => evaluate(rule, answers, asOf));
    const status: EligibilityStatus = reasons.some((r) => r.outcome === 'failed')
      ? 'not_eligible'
      : reasons.some((r) => r.outcome === 'missing')
        ? 'undetermined'
        : 'eligible';
    return {
      program: { code: program.code, name: program.name },
      status,
      reasons,
      determinedAt: new Date(asOf.getTime()),
      expiresAt: new Date(asOf.getTime() + program.determinationValidDays * DAY_MS),
      answers: { ...answers },
    };
  });
}


function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The immutable copy an enrollment keeps, with the answers the determination used. */
export function freezeSnapshot(determination: EligibilityDetermination): EligibilitySnapshot {
  const copy = JSON.parse(JSON.stringify(determination)) as EligibilitySnapshot;
  return deepFreeze(copy);
}

/** A determination expires `determinationValidDays` after it was made and must then be redone. */
export function isExpired(snapshot: Pick<EligibilitySnapshot, 'expiresAt'>, asOf: Date): boolean {
  return asOf.getTime() >= Date.parse(snapshot.expiresAt);
}
