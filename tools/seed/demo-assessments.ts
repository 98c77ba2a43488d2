import {
  INTEREST_ITEM_IDS,
  type AssessmentKind,
  type BarrierSeverity,
  type BarriersRequest,
  type Credential,
  type EducationLevel,
  type IntakeQuestionnaireRequest,
  type InterestProfileRequest,
  type JobReadinessRequest,
  type PersonalReadinessRequest,
  type WorkHistoryEntry,
} from '../../libs/contracts/src';
import { daysAgo, yearsAgo } from './demo-dates';
import type { DemoPerson } from './demo-people';

/** One assessment the case manager completes, in order (a kind appearing twice is a reassessment). */
export interface DemoAssessment {
  kind: AssessmentKind;
  body: unknown;
}

/** What the case manager records for one person: assessments in order, and the checklist (if kept). */
export interface DemoAssessmentPlan {
  assessments: DemoAssessment[];
  /** Saved on the person's first job-readiness assessment, through the case manager's own route. */
  personalReadiness?: PersonalReadinessRequest;
}

/** About half of the demo people have been assessed (every second one). */
export function hasAssessments(i: number): boolean {
  return i % 2 === 0;
}

/**
 * The assessments of demo person `p` (j = i / 2 among the assessed): everyone has the intake
 * questionnaire and barriers; most an interest profile and job-readiness ratings; persons 0, 2,
 * 4 and 6 a second assessment of one kind, so the history and the comparison show.
 */
export function assessmentPlan(p: DemoPerson): DemoAssessmentPlan {
  const i = p.index;
  const j = Math.floor(i / 2);
  const assessments: DemoAssessment[] = [
    { kind: 'intake-questionnaire', body: questionnaire(p, j) },
    { kind: 'barriers', body: barriers(j) },
  ];
  if (j % 5 !== 4) assessments.push({ kind: 'interest-profile', body: interestProfile(i, INTEREST_CODES[j % INTEREST_CODES.length], 1 + (j % 4)) });
  const readiness = j % 4 !== 3;
  if (readiness) assessments.push({ kind: 'job-readiness', body: jobReadiness(j, 0) });
  // Reassessments: barriers improved, readiness grown, interests shifted, a credential earned.
  if (i === 0) assessments.push({ kind: 'barriers', body: barriersLater(j) });
  if (i === 2) assessments.push({ kind: 'job-readiness', body: jobReadiness(j, 1) });
  if (i === 4) assessments.push({ kind: 'interest-profile', body: interestProfile(i + 100, 'IRC', 3) });
  if (i === 6) assessments.push({ kind: 'intake-questionnaire', body: questionnaireLater(p, j) });
  return { assessments, ...(readiness && j % 3 === 0 ? { personalReadiness: personalReadiness(j) } : {}) };
}

// ---------------------------------------------------------------- intake questionnaire

interface PastJob {
  occupation: string;
  socCode?: string;
  employers: string[];
  wage: { amount: number; per: 'hour' | 'year' };
}

const JOBS: PastJob[] = [
  { occupation: 'Warehouse associate', socCode: '53-7062', employers: ['Northstar Logistics', 'Twin Cities Distribution'], wage: { amount: 17.5, per: 'hour' } },
  { occupation: 'Forklift operator', socCode: '53-7051', employers: ['Mississippi Freight', 'Cedar Supply Co.'], wage: { amount: 20.25, per: 'hour' } },
  { occupation: 'Cashier', socCode: '41-2011', employers: ['Lakeside Grocery', 'Midway Pharmacy'], wage: { amount: 15.25, per: 'hour' } },
  { occupation: 'Nursing assistant', socCode: '31-1131', employers: ['Riverside Care Center', 'Maple Grove Senior Living'], wage: { amount: 19, per: 'hour' } },
  { occupation: 'Line cook', socCode: '35-2014', employers: ['Blue Door Diner', 'Hennepin Bistro'], wage: { amount: 16.75, per: 'hour' } },
  { occupation: 'Assembler', socCode: '51-2090', employers: ['Precision Parts Inc.', 'North Loop Manufacturing'], wage: { amount: 18.5, per: 'hour' } },
  { occupation: 'Customer service representative', socCode: '43-4051', employers: ['Gopher Telecom', 'Heartland Insurance'], wage: { amount: 38_500, per: 'year' } },
  { occupation: 'Janitor', socCode: '37-2011', employers: ['Metro Facility Services'], wage: { amount: 16, per: 'hour' } },
  { occupation: 'Truck driver (tractor-trailer)', socCode: '53-3032', employers: ['Prairie Freight Lines'], wage: { amount: 56_000, per: 'year' } },
  // Not every job has a SOC code on file: staff write down what the person says.
  { occupation: 'Odd jobs and day labour', employers: ['Self-employed'], wage: { amount: 14, per: 'hour' } },
];

const CREDENTIALS: { name: string; issuer: string; validYears?: number }[] = [
  { name: 'Forklift operator certification', issuer: 'Mississippi Freight', validYears: 3 },
  { name: 'ServSafe Food Handler', issuer: 'National Restaurant Association', validYears: 3 },
  { name: 'Certified Nursing Assistant', issuer: 'Minnesota Department of Health', validYears: 2 },
  { name: 'OSHA 10-Hour General Industry', issuer: 'OSHA Training Institute' },
  { name: 'Commercial Driver License Class A', issuer: 'Minnesota Driver and Vehicle Services', validYears: 4 },
  { name: 'Microsoft Office Specialist: Excel', issuer: 'Microsoft' },
];

const EDUCATION: EducationLevel[] = ['high_school_diploma', 'some_college', 'hse_equivalency', 'postsecondary_certificate', 'some_high_school', 'associate', 'high_school_diploma', 'bachelor'];

function credential(c: (typeof CREDENTIALS)[number], earnedYearsAgo: number): Credential {
  const earnedOn = yearsAgo(earnedYearsAgo, 30);
  // A credential earned longer ago than it is valid has expired: the questionnaire flags it.
  return { name: c.name, issuer: c.issuer, earnedOn, ...(c.validYears ? { expiresOn: yearsAgo(earnedYearsAgo - c.validYears, 30) } : {}) };
}

function questionnaire(p: DemoPerson, j: number): IntakeQuestionnaireRequest {
  const young = p.registration.programsOfInterest.includes('WIOA_YOUTH');
  const jobs = young ? j % 2 : 1 + (j % 3);
  const workHistory: WorkHistoryEntry[] = Array.from({ length: jobs }, (_, k) => {
    const job = JOBS[(j * 3 + k) % JOBS.length];
    // Most recent first: the latest job ended 2 to 8 months ago (or, for one in four, still goes on).
    const endYearsAgo = k * 2.5;
    const ongoing = k === 0 && j % 4 === 1;
    return {
      occupation: job.occupation,
      ...(job.socCode ? { socCode: job.socCode } : {}),
      employer: job.employers[k % job.employers.length],
      startDate: yearsAgo(endYearsAgo + 1 + (j % 3), 60),
      ...(ongoing ? {} : { endDate: yearsAgo(endYearsAgo, 60 + (j % 6) * 30) }),
      wage: job.wage,
    };
  });
  const credentials = young ? [] : Array.from({ length: j % 3 }, (_, k) => credential(CREDENTIALS[(j + k * 2) % CREDENTIALS.length], 2 + ((j + k) % 4)));
  const english = p.primaryLanguage === 'English' ? 'native' : (['basic', 'intermediate', 'fluent'] as const)[j % 3];
  return {
    highestEducation: young ? (j % 2 ? 'high_school_diploma' : 'some_high_school') : EDUCATION[j % EDUCATION.length],
    workHistory,
    credentials,
    primaryLanguage: p.primaryLanguage,
    englishProficiency: english,
    needsInterpreter: english === 'basic',
    digitalAccess: {
      devices: j % 5 === 2 ? [] : j % 3 === 0 ? ['smartphone', 'computer'] : ['smartphone'],
      homeInternet: j % 4 !== 2,
      usesEmail: j % 5 !== 2,
      comfort: 1 + ((j * 3) % 4),
    },
  };
}

/** The same person a few months on: a new credential, a new job, and a high school equivalency. */
function questionnaireLater(p: DemoPerson, j: number): IntakeQuestionnaireRequest {
  const before = questionnaire(p, j);
  return {
    ...before,
    highestEducation: before.highestEducation === 'some_high_school' ? 'hse_equivalency' : before.highestEducation,
    workHistory: [
      { occupation: 'Warehouse lead', socCode: '53-1047', employer: 'Northstar Logistics', startDate: daysAgo(5), wage: { amount: 21.5, per: 'hour' } },
      ...before.workHistory,
    ],
    credentials: [...before.credentials, { name: 'OSHA 10-Hour General Industry', issuer: 'OSHA Training Institute', earnedOn: daysAgo(12) }],
  };
}

// ---------------------------------------------------------------- barriers

type Severities = Partial<Record<keyof BarriersRequest['barriers'], [BarrierSeverity, string?]>>;

/** A handful of situations, from few needs to a housing crisis; notes are what the person said. */
const SITUATIONS: Severities[] = [
  { transportation: ['moderate', 'Bus takes 90 minutes to the industrial park; no car.'], housing: ['high', 'Behind two months on rent; eviction notice expected.'], food: ['low'] },
  { child_care: ['high', 'Two children under 5; no care arranged for day shifts.'], benefits: ['moderate', 'MFIP renewal paperwork overdue.'], transportation: ['low'] },
  { language: ['moderate', 'Reads English slowly; wants evening ESL.'], transportation: ['low'] },
  { justice_involvement: ['moderate', 'Felony conviction 2019; off probation since last year.'], housing: ['low'], legal: ['low', 'Wants to ask about expungement.'] },
  { health: ['moderate', 'Diabetes; needs regular clinic appointments.'], disability: ['low', 'Back injury: no lifting over 25 lb.'] },
  { housing: ['crisis', 'Staying in the car since the weekend.'], food: ['high'], transportation: ['moderate'], financial: ['high', 'No income this month.'] },
  {},
  { financial: ['moderate', 'Collections on medical bills.'], child_care: ['low', 'Grandmother covers most days.'] },
  { transportation: ['high', 'Licence suspended for unpaid fines.'], legal: ['moderate', 'Needs help with the fines to reinstate the licence.'] },
  { health: ['crisis', 'Out of medication; talked about feeling hopeless.'], benefits: ['low'] },
];

function barriersFrom(s: Severities): BarriersRequest {
  const areas = ['transportation', 'child_care', 'housing', 'health', 'disability', 'justice_involvement', 'language', 'benefits'] as const;
  const answer = (a: keyof BarriersRequest['barriers']) => {
    const [severity, note] = s[a] ?? ['none'];
    return { severity, ...(note ? { note } : {}) };
  };
  const core = Object.fromEntries(areas.map((a) => [a, answer(a)])) as BarriersRequest['barriers'];
  const extra = (['food', 'legal', 'financial'] as const).filter((a) => s[a]);
  return { barriers: { ...core, ...Object.fromEntries(extra.map((a) => [a, answer(a)])) } };
}

function barriers(j: number): BarriersRequest {
  return barriersFrom(SITUATIONS[j % SITUATIONS.length]);
}

/** Three months on: the rent is caught up, a transit pass solved the commute, money is tight. */
function barriersLater(j: number): BarriersRequest {
  const before = SITUATIONS[j % SITUATIONS.length];
  const { transportation: _solved, ...rest } = before;
  return barriersFrom({ ...rest, housing: ['low', 'Rent caught up with emergency assistance.'], financial: ['low', 'Budgeting class booked.'] });
}

// ---------------------------------------------------------------- interest profile

/** Holland codes the demo profiles lean towards, so different people get different results. */
const INTEREST_CODES = ['RCI', 'SEC', 'CES', 'AIS', 'ECS', 'RIE', 'SAE', 'ISR', 'CRE', 'EAS'];

/** A small seeded random number generator (mulberry32): the same person gets the same ratings every run. */
function random(seed: number): () => number {
  let a = seed + 0x6d2b79f5;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ratings 0-4 of all 60 items: high on the code's letters (first highest), low elsewhere, with noise. */
function interestProfile(seed: number, code: string, jobZone: number): InterestProfileRequest {
  const order = [...code, ...'RIASEC'.split('').filter((l) => !code.includes(l))];
  const level = [3.5, 2.9, 2.3, 1.5, 1.0, 0.6];
  const rand = random(seed);
  return {
    answers: INTEREST_ITEM_IDS.map((itemId) => {
      const wanted = level[order.indexOf(itemId[0])] + (rand() * 2 - 1) * 1.1;
      return { itemId, rating: Math.max(0, Math.min(4, Math.round(wanted))) };
    }),
    jobZone,
  };
}

// ---------------------------------------------------------------- job readiness

const SOFT = ['attendance-punctuality', 'appearance', 'communication-attitude', 'performance-productivity'];
const HARD_SKILLS: { id: string; label: string }[][] = [
  [{ id: 'forklift-operation', label: 'Forklift operation' }],
  [{ id: 'cash-handling', label: 'Cash handling and point of sale' }],
  [
    { id: 'patient-care', label: 'Patient care basics' },
    { id: 'charting', label: 'Charting and documentation' },
  ],
  [],
  [{ id: 'blueprint-reading', label: 'Reading blueprints and work orders' }],
  [{ id: 'food-safety', label: 'Safe food handling' }],
];
const EVIDENCE = [
  '',
  'Missed two of four workshop sessions without calling; needs coaching.',
  'Inconsistent: on time for most appointments, late twice this month.',
  'Met expectations in the mock interview and the work-experience placement.',
  'Supervisor at the work-experience site singled this out as a strength.',
];

/**
 * Staff ratings with evidence for every criterion, and self-ratings that differ by person:
 * some rate themselves higher, some lower, some only the soft skills, some not at all.
 * `later` = 1 is the reassessment three months on: staff ratings up, self-ratings closer.
 */
function jobReadiness(j: number, later: number): JobReadinessRequest {
  const hardSkills = HARD_SKILLS[j % HARD_SKILLS.length];
  const ids = [...SOFT, ...hardSkills.map((h) => h.id)];
  const staff = ids.map((criterionId, k) => {
    const rating = Math.min(4, 1 + ((j + k * 2) % 3) + later);
    return { criterionId, rating, evidence: EVIDENCE[rating] };
  });
  const pattern = later ? 2 : j % 4;
  const selfRatings =
    pattern === 0
      ? staff.map((s) => ({ criterionId: s.criterionId, rating: Math.min(4, s.rating + 1 + (s.rating % 2)) }))
      : pattern === 1
        ? staff.map((s) => ({ criterionId: s.criterionId, rating: Math.max(1, s.rating - 1) }))
        : pattern === 2
          ? staff.filter((s) => SOFT.includes(s.criterionId)).map((s) => ({ criterionId: s.criterionId, rating: s.rating }))
          : [];
  return { hardSkills, staffRatings: staff, selfRatings };
}

// ---------------------------------------------------------------- personal readiness

const PERSONAL_ITEMS: { id: string; label: string; note?: string }[] = [
  { id: 'stable-housing', label: 'Stable housing for the next three months', note: 'Lease signed through June.' },
  { id: 'reliable-transport', label: 'Reliable way to get to work on time', note: 'Waiting on the transit pass.' },
  { id: 'child-care-arranged', label: 'Child care arranged for work hours (and a back-up)' },
  { id: 'identity-documents', label: 'Identity and work-authorisation documents in hand', note: 'Birth certificate ordered from the county.' },
  { id: 'health-managed', label: 'Health needs managed well enough to work the hours planned' },
  { id: 'legal-obligations', label: 'Court or supervision obligations fit around a work schedule' },
  { id: 'phone-contact', label: 'A working phone number employers can reach' },
];

/** The case manager's checklist: all met for some, a few items still open (with a note) for others. */
function personalReadiness(j: number): PersonalReadinessRequest {
  return {
    items: PERSONAL_ITEMS.map((item, k) => {
      const met = j % 12 === 0 || (k + j) % 3 !== 0;
      return { id: item.id, label: item.label, met, ...(!met && item.note ? { note: item.note } : {}) };
    }),
  };
}
