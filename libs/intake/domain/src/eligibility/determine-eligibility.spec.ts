import { EligibilityAnswersSchema, type EligibilityAnswers } from './eligibility-answers';
import { DEFAULT_PROGRAMS, ProgramDefinitionSchema, type ProgramDefinition } from './program-rules';
import { determineEligibility, freezeSnapshot, incomeLimit, isExpired } from './determine-eligibility';

const asOf = new Date('2026-06-15T12:00:00Z');
const program = (code: string) => {
  const p = DEFAULT_PROGRAMS.find((x) => x.code === code);
  if (!p) throw new Error(code);
  return p;
};
const determine = (answers: EligibilityAnswers, p: ProgramDefinition) => determineEligibility(answers, [p], asOf)[0];
const reasonOf = (answers: EligibilityAnswers, p: ProgramDefinition, kind: string) =>
  determine(answers, p).reasons.find((r) => r.kind === kind);

/** A woman who meets everything else for Youth, so only the rule under test decides. */
const youthBase: EligibilityAnswers = {
  sexAssignedAtBirth: 'female',
  rightToWorkDocumented: true,
  receivesTanf: true,
};

describe('age rule (WIOA Youth 14-24, computed on asOf)', () => {
  it.each([
    ['turns 14 today', '2012-06-15', 'passed'],
    ['is one day short of 14', '2012-06-16', 'failed'],
    ['is 24 until tomorrow', '2001-06-16', 'passed'],
    ['turns 25 today', '2001-06-15', 'failed'],
  ])('someone who %s (born %s) has the age rule %s', (_label, dateOfBirth, outcome) => {
    expect(reasonOf({ ...youthBase, dateOfBirth }, program('WIOA_YOUTH'), 'age')?.outcome).toBe(outcome);
  });

  it('uses the injected date, not the clock', () => {
    const answers = { ...youthBase, dateOfBirth: '2001-06-15' };
    expect(determineEligibility(answers, [program('WIOA_YOUTH')], new Date('2026-06-14T12:00:00Z'))[0].status).toBe('eligible');
    expect(determineEligibility(answers, [program('WIOA_YOUTH')], asOf)[0].status).toBe('not_eligible');
  });
});

describe('income rule', () => {
  const incomeOnly = ProgramDefinitionSchema.parse({
    code: 'LOW_INCOME',
    name: 'Low income',
    determinationValidDays: 30,
    rules: [
      {
        kind: 'incomeAtMostPercentOfTable',
        percent: 70,
        table: { amountsByHouseholdSize: [10000, 20000], perAdditionalPerson: 5000 },
        document: 'Pay stubs',
      },
    ],
  });

  it.each([
    ['exactly at the limit', 2, 14000, 'eligible'],
    ['one dollar over the limit', 2, 14001, 'not_eligible'],
    ['at the limit extended per additional person', 4, 21000, 'eligible'],
    ['one dollar over the extended limit', 4, 21001, 'not_eligible'],
  ])('a household %s (size %p, income %p) is %s', (_label, householdSize, annualHouseholdIncome, status) => {
    expect(determine({ householdSize, annualHouseholdIncome }, incomeOnly).status).toBe(status);
  });

  it('computes the limit from the table, the percent and extra members', () => {
    expect(incomeLimit({ amountsByHouseholdSize: [10000, 20000], perAdditionalPerson: 5000 }, 3, 150)).toBe(37500);
  });
});

describe('anyOf (low income OR public assistance)', () => {
  const lowIncome = { householdSize: 1, annualHouseholdIncome: 1000 };
  const highIncome = { householdSize: 1, annualHouseholdIncome: 900000 };
  const noAssistance = { receivesTanf: false, receivesSnap: false, receivesSsi: false };
  it.each<[string, EligibilityAnswers, string]>([
    ['low income alone', { ...lowIncome, ...noAssistance }, 'passed'],
    ['TANF alone', { ...highIncome, receivesTanf: true }, 'passed'],
    ['neither', { ...highIncome, ...noAssistance }, 'failed'],
    ['high income with assistance unknown', highIncome, 'missing'],
  ])('%s → %s', (_label, answers, outcome) => {
    const r = reasonOf({ sexAssignedAtBirth: 'female', dateOfBirth: '2008-01-01', rightToWorkDocumented: true, ...answers }, program('WIOA_YOUTH'), 'anyOf');
    expect(r?.outcome).toBe(outcome);
    expect(r?.branches).toHaveLength(2);
  });

  it('names the documents of every alternative still open', () => {
    const r = reasonOf({ householdSize: 1, annualHouseholdIncome: 900000 }, program('WIOA_YOUTH'), 'anyOf');
    expect(r?.document).toMatch(/benefit award letter/i);
  });
});

describe('missing facts', () => {
  it('a missing date of birth leaves the program undetermined and names the document', () => {
    const d = determine({ ...youthBase }, program('WIOA_YOUTH'));
    expect(d.status).toBe('undetermined');
    expect(d.reasons.find((r) => r.kind === 'age')).toMatchObject({
      outcome: 'missing',
      document: expect.stringMatching(/birth certificate/i),
    });
  });

  it('a failed rule wins over a missing one', () => {
    expect(determine({ rightToWorkDocumented: false }, program('WIOA_ADULT')).status).toBe('not_eligible');
  });

  it('passed and failed reasons carry no document', () => {
    const d = determine({ ...youthBase, dateOfBirth: '2008-01-01' }, program('WIOA_YOUTH'));
    expect(d.status).toBe('eligible');
    expect(d.reasons.every((r) => r.document === undefined)).toBe(true);
  });
});

describe('selective service', () => {
  it.each<[string, EligibilityAnswers, string]>([
    ['a man born 1990 not registered', { sexAssignedAtBirth: 'male', dateOfBirth: '1990-03-01', selectiveServiceStatus: 'not_registered' }, 'failed'],
    ['a man born 1990 registered', { sexAssignedAtBirth: 'male', dateOfBirth: '1990-03-01', selectiveServiceStatus: 'registered' }, 'passed'],
    ['a man born 1990 exempt', { sexAssignedAtBirth: 'male', dateOfBirth: '1990-03-01', selectiveServiceStatus: 'exempt' }, 'passed'],
    ['a woman born 1990 not registered', { sexAssignedAtBirth: 'female', dateOfBirth: '1990-03-01', selectiveServiceStatus: 'not_registered' }, 'passed'],
    ['a man born 1959 not registered', { sexAssignedAtBirth: 'male', dateOfBirth: '1959-12-31', selectiveServiceStatus: 'not_registered' }, 'passed'],
    ['a man born 1960-01-01 not registered', { sexAssignedAtBirth: 'male', dateOfBirth: '1960-01-01', selectiveServiceStatus: 'not_registered' }, 'failed'],
    ['a 17-year-old man not registered', { sexAssignedAtBirth: 'male', dateOfBirth: '2009-01-01', selectiveServiceStatus: 'not_registered' }, 'passed'],
    ['a man born 1990 with status unknown', { sexAssignedAtBirth: 'male', dateOfBirth: '1990-03-01' }, 'missing'],
    ['someone whose sex is unknown', { dateOfBirth: '1990-03-01' }, 'missing'],
  ])('%s → %s', (_label, answers, outcome) => {
    expect(reasonOf({ ...answers, rightToWorkDocumented: true }, program('WIOA_ADULT'), 'selectiveService')?.outcome).toBe(outcome);
  });

  it('a man born 1990 not registered is not eligible for WIOA Adult', () => {
    const d = determine(
      { sexAssignedAtBirth: 'male', dateOfBirth: '1990-03-01', selectiveServiceStatus: 'not_registered', rightToWorkDocumented: true },
      program('WIOA_ADULT'),
    );
    expect(d.status).toBe('not_eligible');
  });
});

describe('all programs at once', () => {
  it('determines every default program from one set of answers', () => {
    const answers: EligibilityAnswers = {
      dateOfBirth: '1985-02-10',
      sexAssignedAtBirth: 'male',
      selectiveServiceStatus: 'registered',
      rightToWorkDocumented: true,
      laidOffOrNoticeReceived: true,
      eligibleForOrExhaustedUI: true,
      receivesSnap: true,
      receivesTanf: false,
    };
    const byCode = Object.fromEntries(determineEligibility(answers, DEFAULT_PROGRAMS, asOf).map((d) => [d.program.code, d.status]));
    expect(byCode).toEqual({
      WIOA_ADULT: 'eligible',
      WIOA_DISLOCATED_WORKER: 'eligible',
      WIOA_YOUTH: 'not_eligible',
      WAGNER_PEYSER: 'eligible',
      TAA: 'undetermined',
      TANF_ES: 'not_eligible',
      SNAP_ET: 'eligible',
    });
  });
});

describe('expiry and snapshot', () => {
  const d = determine({ rightToWorkDocumented: true }, program('WAGNER_PEYSER'));
  const snapshot = freezeSnapshot(d);
  const later = (days: number, ms = 0) => new Date(asOf.getTime() + days * 86_400_000 + ms);

  it.each([
    ['the day it is made', 0, 0, false],
    ['one millisecond before the configured 45 days', 45, -1, false],
    ['exactly 45 days later', 45, 0, true],
    ['46 days later', 46, 0, true],
  ])('a determination checked %s is expired: %p', (_label, days, ms, expired) => {
    expect(isExpired(snapshot, later(days, ms))).toBe(expired);
  });

  it('follows the program’s configured number of days', () => {
    const short = { ...program('WAGNER_PEYSER'), determinationValidDays: 10 };
    const s = freezeSnapshot(determine({ rightToWorkDocumented: true }, short));
    expect(isExpired(s, later(9))).toBe(false);
    expect(isExpired(s, later(10))).toBe(true);
  });

  it('freezes an immutable copy with the answers used', () => {
    expect(snapshot.answers).toEqual({ rightToWorkDocumented: true });
    expect(snapshot.determinedAt).toBe(asOf.toISOString());
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.reasons[0])).toBe(true);
    expect(Object.isFrozen(snapshot.answers)).toBe(true);
    expect(() => {
      (snapshot as { status: string }).status = 'not_eligible';
    }).toThrow(TypeError);
  });

  it('does not change when the determination it came from is changed', () => {
    const fresh = determine({ rightToWorkDocumented: true }, program('WAGNER_PEYSER'));
    const s = freezeSnapshot(fresh);
    fresh.reasons[0].outcome = 'failed';
    fresh.answers.rightToWorkDocumented = false;
    expect(s.reasons[0].outcome).toBe('passed');
    expect(s.answers.rightToWorkDocumented).toBe(true);
  });
});

describe('local programs as data', () => {
  it('a program an administrator defines only as data is determined like the federal ones', () => {
    const local = ProgramDefinitionSchema.parse({
      code: 'LOCAL_VETERANS_BRIDGE',
      name: 'Veterans Bridge (county)',
      determinationValidDays: 30,
      rules: [
        { kind: 'fact', fact: 'veteran', equals: true, document: 'DD-214' },
        { kind: 'residency', states: ['MN', 'WI'], document: 'Lease or utility bill' },
        { kind: 'employmentStatus', anyOf: ['unemployed'], document: 'Self-attestation' },
      ],
    });
    const [ok, wrongState, unknown] = [
      { veteran: true, stateOfResidence: 'WI', employmentStatus: 'unemployed' as const },
      { veteran: true, stateOfResidence: 'IA', employmentStatus: 'unemployed' as const },
      { stateOfResidence: 'MN', employmentStatus: 'unemployed' as const },
    ].map((a) => determine(a, local));
    expect(ok.status).toBe('eligible');
    expect(ok.program).toEqual({ code: 'LOCAL_VETERANS_BRIDGE', name: 'Veterans Bridge (county)' });
    expect(ok.expiresAt.toISOString()).toBe('2026-07-15T12:00:00.000Z');
    expect(wrongState.status).toBe('not_eligible');
    expect(unknown.status).toBe('undetermined');
    expect(unknown.reasons[0]).toMatchObject({ outcome: 'missing', document: 'DD-214' });
  });
});

describe('program definition schema', () => {
  const valid = { code: 'LOCAL_X', name: 'Local X', determinationValidDays: 45, rules: [] };
  it.each<[string, unknown, string, RegExp]>([
    ['zero valid days', { ...valid, determinationValidDays: 0 }, 'determinationValidDays', /at least one day/],
    ['a lower-case code', { ...valid, code: 'local x' }, 'code', /upper-case/],
    ['a rule without its document', { ...valid, rules: [{ kind: 'rightToWork' }] }, 'rules.0.document', /.+/],
    ['a minimum age above the maximum', { ...valid, rules: [{ kind: 'age', min: 30, max: 20, document: 'ID' }] }, 'rules.0.min', /minimum age/],
    ['an unknown rule kind', { ...valid, rules: [{ kind: 'horoscope', document: 'x' }] }, 'rules.0.kind', /.+/],
    ['an empty income table', { ...valid, rules: [{ kind: 'incomeAtMostPercentOfTable', percent: 100, table: { amountsByHouseholdSize: [], perAdditionalPerson: 1 }, document: 'x' }] }, 'rules.0.table.amountsByHouseholdSize', /at least one amount/],
    ['an anyOf with one alternative', { ...valid, rules: [{ kind: 'anyOf', rules: [{ kind: 'rightToWork', document: 'x' }] }] }, 'rules.0.rules', /two alternatives/],
    ['an unknown public assistance', { ...valid, rules: [{ kind: 'publicAssistance', anyOf: ['WIC'], document: 'x' }] }, 'rules.0.anyOf.0', /.+/],
  ])('rejects %s with a message on %s', (_label, input, path, message) => {
    const result = ProgramDefinitionSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toMatch(message);
  });

  it('accepts every default program', () => {
    expect(DEFAULT_PROGRAMS.map((p) => ProgramDefinitionSchema.safeParse(p).success)).toEqual(DEFAULT_PROGRAMS.map(() => true));
  });
});

describe('answers schema', () => {
  it.each<[string, unknown, string]>([
    ['a malformed date of birth', { dateOfBirth: '31/05/1990' }, 'dateOfBirth'],
    ['a lower-case state', { stateOfResidence: 'mn' }, 'stateOfResidence'],
    ['an empty household', { householdSize: 0 }, 'householdSize'],
    ['negative income', { annualHouseholdIncome: -1 }, 'annualHouseholdIncome'],
  ])('rejects %s', (_label, input, path) => {
    const result = EligibilityAnswersSchema.safeParse(input);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('accepts an empty set of answers', () => {
    expect(EligibilityAnswersSchema.parse({})).toEqual({});
  });
});
