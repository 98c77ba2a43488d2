// Assessments and the occupation catalogue: API shapes shared by intake, gateway and staff-web.
//
// Writes:  POST /participants/:id/assessments/:kind           body: the kind's request schema below
//          PUT  /participants/:id/assessments/job-readiness/:number/personal-readiness
//                                                               body: personalReadinessRequestSchema
// Reads:   GET  /participants/:id/assessments                  AssessmentOverview
//          GET  /participants/:id/assessments/:kind            AssessmentSeries (newest first)
//          GET  /participants/:id/assessments/:kind/:number    AssessmentRecord
//          GET  /participants/:id/assessments/:kind/comparison?from=&to=   AssessmentComparison
//          GET  /participants/:id/assessments/job-readiness/:number/personal-readiness
//                                                               PersonalReadinessRecord (case manager only)
//          GET  /assessments/due?office=&kind=&before=&limit=&cursor=        Page<DueAssessment>
//          GET  /assessments/interest-items                     InterestItemView[]
//          GET  /occupations?q=&riasec=&jobZone=&limit=&cursor=  Page<OccupationView>
//          POST /occupations, PUT /occupations/:socCode          (administrators)
import { z } from 'zod/v4';

/** The four kinds of assessment, as they appear in URLs and events. */
export const ASSESSMENT_KINDS = ['intake-questionnaire', 'barriers', 'interest-profile', 'job-readiness'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const assessmentKindSchema = z.enum(ASSESSMENT_KINDS);

/**
 * Version of each kind's answer schema, stored on every assessment document as `schemaVersion`.
 * A change that old documents do not satisfy bumps the version; readers branch on it.
 */
export const ASSESSMENT_SCHEMA_VERSIONS: Readonly<Record<AssessmentKind, number>> = {
  'intake-questionnaire': 1,
  barriers: 1,
  'interest-profile': 1,
  'job-readiness': 1,
};

const isoDate = (what: string) => z.iso.date(`${what} must be a real date in the form YYYY-MM-DD`);
const text = (max: number, what: string) => z.string().trim().min(1, `${what} is required`).max(max);
const note = z.string().trim().max(1000).optional();

/** SOC code as in the Standard Occupational Classification: two digits, hyphen, four digits. */
export const SOC_CODE_PATTERN = /^\d{2}-\d{4}$/;
export const socCodeSchema = z.string().trim().regex(SOC_CODE_PATTERN, 'SOC code must look like 43-4051');

// ---------------------------------------------------------------- intake questionnaire

export const EDUCATION_LEVELS = [
  'none',
  'some_high_school',
  'high_school_diploma',
  'hse_equivalency',
  'some_college',
  'postsecondary_certificate',
  'associate',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const ENGLISH_PROFICIENCY = ['none', 'basic', 'intermediate', 'fluent', 'native'] as const;
export const DIGITAL_DEVICES = ['smartphone', 'computer', 'tablet'] as const;

export const workHistoryEntrySchema = z
  .object({
    occupation: text(120, 'Occupation'),
    socCode: socCodeSchema.optional(),
    employer: text(120, 'Employer'),
    startDate: isoDate('Start date'),
    /** Absent while the job continues. */
    endDate: isoDate('End date').optional(),
    wage: z
      .object({
        amount: z.number().positive('Wage must be above 0').max(10_000_000),
        per: z.enum(['hour', 'year']),
      })
      .strict()
      .optional(),
  })
  .strict();
export type WorkHistoryEntry = z.infer<typeof workHistoryEntrySchema>;

export const credentialSchema = z
  .object({
    name: text(120, 'Credential name'),
    issuer: text(120, 'Issuer'),
    earnedOn: isoDate('Date earned'),
    expiresOn: isoDate('Expiry date').optional(),
  })
  .strict();
export type Credential = z.infer<typeof credentialSchema>;

/** Shape only; the date rules (end after start, nothing in the future) are the domain's `questionnaireProblems`. */
export const intakeQuestionnaireRequestSchema = z
  .object({
    highestEducation: z.enum(EDUCATION_LEVELS),
    workHistory: z.array(workHistoryEntrySchema).max(40),
    credentials: z.array(credentialSchema).max(40),
    primaryLanguage: text(40, 'Primary language'),
    englishProficiency: z.enum(ENGLISH_PROFICIENCY),
    needsInterpreter: z.boolean(),
    digitalAccess: z
      .object({
        devices: z.array(z.enum(DIGITAL_DEVICES)).max(3),
        homeInternet: z.boolean(),
        usesEmail: z.boolean(),
        /** 1 not comfortable ... 4 very comfortable using a computer or phone for job search. */
        comfort: z.number().int('Comfort must be a whole number 1-4').min(1, 'Comfort must be 1-4').max(4, 'Comfort must be 1-4'),
      })
      .strict(),
  })
  .strict();
export type IntakeQuestionnaireRequest = z.infer<typeof intakeQuestionnaireRequestSchema>;

// ---------------------------------------------------------------- barriers and needs

/** The first eight are asked of everyone; food, legal and financial are optional (absent = none). */
export const CORE_BARRIER_AREAS = [
  'transportation',
  'child_care',
  'housing',
  'health',
  'disability',
  'justice_involvement',
  'language',
  'benefits',
] as const;
export const EXTRA_BARRIER_AREAS = ['food', 'legal', 'financial'] as const;
export const BARRIER_AREAS = [...CORE_BARRIER_AREAS, ...EXTRA_BARRIER_AREAS] as const;
export type BarrierArea = (typeof BARRIER_AREAS)[number];

/** Ordered from none to crisis; a need is any area at `low` or above. */
export const BARRIER_SEVERITIES = ['none', 'low', 'moderate', 'high', 'crisis'] as const;
export type BarrierSeverity = (typeof BARRIER_SEVERITIES)[number];

const barrierSchema = z.object({ severity: z.enum(BARRIER_SEVERITIES), note }).strict();
export type BarrierAnswer = z.infer<typeof barrierSchema>;

export const barriersRequestSchema = z
  .object({
    barriers: z
      .object({
        ...Object.fromEntries(CORE_BARRIER_AREAS.map((a) => [a, barrierSchema])),
        ...Object.fromEntries(EXTRA_BARRIER_AREAS.map((a) => [a, barrierSchema.optional()])),
      } as Record<(typeof CORE_BARRIER_AREAS)[number], typeof barrierSchema> &
        Record<(typeof EXTRA_BARRIER_AREAS)[number], z.ZodOptional<typeof barrierSchema>>)
      .strict(),
  })
  .strict();
export type BarriersRequest = z.infer<typeof barriersRequestSchema>;

export type ServiceUrgency = 'routine' | 'soon' | 'same_day';

/** A supportive service the case manager is prompted to consider for a need. */
export interface SuggestedService {
  code: string;
  label: string;
  urgency: ServiceUrgency;
}

export interface IdentifiedNeed {
  area: BarrierArea;
  severity: Exclude<BarrierSeverity, 'none'>;
  suggestedService: SuggestedService;
}

// ---------------------------------------------------------------- interest profile

const RIASEC = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
/** R01..R10, I01..I10, ..., C01..C10: the 60 interest items (wording from GET /assessments/interest-items). */
export const INTEREST_ITEM_IDS: readonly string[] = RIASEC.flatMap((l) =>
  Array.from({ length: 10 }, (_, i) => `${l}${String(i + 1).padStart(2, '0')}`),
);
const KNOWN_ITEM = new Set(INTEREST_ITEM_IDS);

export const jobZoneSchema = z
  .number()
  .int('Job zone must be a whole number 1-5')
  .min(1, 'Job zone must be 1-5')
  .max(5, 'Job zone must be 1-5');

/** Every one of the 60 items rated exactly once, 0 (strongly dislike) to 4 (strongly like). */
export const interestProfileRequestSchema = z
  .object({
    answers: z.array(z.object({ itemId: z.string(), rating: z.number() }).strict()).max(200),
    jobZone: jobZoneSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.answers.forEach((a, i) => {
      if (!KNOWN_ITEM.has(a.itemId)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'itemId'], message: `Unknown interest item ${a.itemId}` });
      else if (seen.has(a.itemId)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'itemId'], message: `Item ${a.itemId} is answered more than once` });
      seen.add(a.itemId);
      if (!Number.isInteger(a.rating) || a.rating < 0 || a.rating > 4)
        ctx.addIssue({ code: 'custom', path: ['answers', i, 'rating'], message: `Item ${a.itemId}: rating must be a whole number 0-4` });
    });
    const missing = INTEREST_ITEM_IDS.filter((id) => !seen.has(id));
    if (missing.length)
      ctx.addIssue({ code: 'custom', path: ['answers'], message: `Every item must be answered; missing: ${missing.join(', ')}` });
  });
export type InterestProfileRequest = z.infer<typeof interestProfileRequestSchema>;

export interface InterestItemView {
  id: string;
  area: string;
  areaName: string;
  text: string;
}

// ---------------------------------------------------------------- job readiness

const rating14 = z
  .number()
  .int('Rating must be a whole number 1-4')
  .min(1, 'Rating must be 1-4 (1 unsatisfactory ... 4 exemplary)')
  .max(4, 'Rating must be 1-4 (1 unsatisfactory ... 4 exemplary)');
const criterionId = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Criterion ids are lower-case words joined by -');

/**
 * Staff rate every criterion with evidence; the participant's self-ratings of the same criteria
 * (entered by staff on their behalf) may be partial or empty. Hard skills are the industry-specific
 * criteria added to the four soft skills.
 */
export const jobReadinessRequestSchema = z
  .object({
    hardSkills: z.array(z.object({ id: criterionId, label: text(80, 'Label') }).strict()).max(20).default([]),
    staffRatings: z
      .array(z.object({ criterionId, rating: rating14, evidence: text(1000, 'Evidence') }).strict())
      .min(1, 'Rate every criterion')
      .max(30),
    selfRatings: z.array(z.object({ criterionId, rating: rating14 }).strict()).max(30).default([]),
  })
  .strict();
export type JobReadinessRequest = z.input<typeof jobReadinessRequestSchema>;
export type JobReadinessAnswers = z.output<typeof jobReadinessRequestSchema>;

export const personalReadinessRequestSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: criterionId,
            label: text(120, 'Label'),
            met: z.boolean(),
            note,
          })
          .strict(),
      )
      .min(1, 'The checklist needs at least one item')
      .max(30),
  })
  .strict();
export type PersonalReadinessRequest = z.infer<typeof personalReadinessRequestSchema>;

// ---------------------------------------------------------------- records

export interface AssessmentHeader {
  id: string;
  participantId: string;
  kind: AssessmentKind;
  /** 1, 2, 3... per participant and kind. */
  number: number;
  schemaVersion: number;
  completedAt: string;
  completedBy: string;
  /** When the next one of this kind is due (YYYY-MM-DD). */
  reassessmentDueOn: string;
  /** The assessment of the same kind this one follows (number - 1), or null for the first. */
  previousId: string | null;
}

export interface QuestionnaireResult {
  jobs: number;
  credentials: number;
  /** Names of credentials whose expiry date has passed on the day of the assessment. */
  expiredCredentials: string[];
}

export interface BarriersResult {
  /** Every area at severity low or above, worst first, each with its suggested supportive service. */
  needs: IdentifiedNeed[];
}

export interface OccupationSuggestionView {
  occupation: OccupationView;
  fit: number;
  inChosenZone: boolean;
  reasons: string[];
}

export interface InterestProfileResult {
  scores: Record<'R' | 'I' | 'A' | 'S' | 'E' | 'C', number>;
  primary: string;
  primaryTiedWith: string[];
  secondary: string;
  secondaryTiedWith: string[];
  hollandCode: string;
  /** The best suggestions at the time of the assessment (a snapshot; the catalogue may change). */
  suggestions: OccupationSuggestionView[];
}

export interface ReadinessCriterionRow {
  criterionId: string;
  label: string;
  kind: 'soft' | 'hard';
  staff?: number;
  self?: number;
  /** self minus staff, when both rated. */
  gap?: number;
  gapLabel?: 'agrees' | 'rates self higher' | 'rates self lower';
}

export interface JobReadinessResult {
  criteria: ReadinessCriterionRow[];
  staffAverage?: number;
  selfAverage?: number;
  averageGap?: number;
  missingSelf: string[];
}

export type AssessmentRecord =
  | (AssessmentHeader & { kind: 'intake-questionnaire'; answers: IntakeQuestionnaireRequest; result: QuestionnaireResult })
  | (AssessmentHeader & { kind: 'barriers'; answers: BarriersRequest; result: BarriersResult })
  | (AssessmentHeader & { kind: 'interest-profile'; answers: InterestProfileRequest; result: InterestProfileResult })
  | (AssessmentHeader & { kind: 'job-readiness'; answers: JobReadinessAnswers; result: JobReadinessResult });

/** A short, non-sensitive line per kind for lists and the overview. */
export interface AssessmentSummary {
  /** interest profile */
  hollandCode?: string;
  jobZone?: number;
  /** job readiness */
  staffAverage?: number;
  selfAverage?: number;
  /** barriers (readBarriers only) */
  needCount?: number;
  worstSeverity?: BarrierSeverity;
  /** questionnaire */
  highestEducation?: EducationLevel;
}

export interface AssessmentLatest extends AssessmentHeader {
  summary: AssessmentSummary;
  /** reassessmentDueOn is today or earlier. */
  due: boolean;
}

/** The latest of each kind the caller may see; kinds never assessed are null; barriers are absent without readBarriers. */
export interface AssessmentOverview {
  participantId: string;
  kinds: Partial<Record<AssessmentKind, AssessmentLatest | null>>;
}

export interface AssessmentSeries {
  participantId: string;
  kind: AssessmentKind;
  /** Newest first. */
  items: AssessmentLatest[];
}

// ---------------------------------------------------------------- comparison

export interface InterestProfileComparison {
  /** to minus from, per area. */
  scoreDeltas: Record<'R' | 'I' | 'A' | 'S' | 'E' | 'C', number>;
  primaryChanged: boolean;
  fromPrimary: string;
  toPrimary: string;
  fromHollandCode: string;
  toHollandCode: string;
  jobZoneChanged: boolean;
}

export interface ReadinessCriterionChange {
  criterionId: string;
  label: string;
  fromStaff?: number;
  toStaff?: number;
  staffChange?: number;
  fromSelf?: number;
  toSelf?: number;
  selfChange?: number;
  fromGap?: number;
  toGap?: number;
}

export interface JobReadinessComparison {
  criteria: ReadinessCriterionChange[];
  staffAverageChange?: number;
  selfAverageChange?: number;
}

export type BarrierChangeKind = 'resolved' | 'new' | 'worse' | 'better' | 'unchanged';

export interface BarrierChange {
  area: BarrierArea;
  from: BarrierSeverity;
  to: BarrierSeverity;
  change: BarrierChangeKind;
}

export interface BarriersComparison {
  /** Every area that was a need in either assessment. */
  changes: BarrierChange[];
}

export interface QuestionnaireComparison {
  newCredentials: Credential[];
  newJobs: WorkHistoryEntry[];
  educationChanged: boolean;
  fromEducation: EducationLevel;
  toEducation: EducationLevel;
}

export type AssessmentComparison = {
  participantId: string;
  from: AssessmentHeader;
  to: AssessmentHeader;
} & (
  | { kind: 'intake-questionnaire'; changes: QuestionnaireComparison }
  | { kind: 'barriers'; changes: BarriersComparison }
  | { kind: 'interest-profile'; changes: InterestProfileComparison }
  | { kind: 'job-readiness'; changes: JobReadinessComparison }
);

// ---------------------------------------------------------------- personal readiness

export interface PersonalReadinessRecord {
  participantId: string;
  assessmentId: string;
  number: number;
  items: PersonalReadinessRequest['items'];
  /** Every item met (an empty list is not met). */
  allMet: boolean;
  /** 1 for the first save; each save keeps the earlier list in the history. */
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

// ---------------------------------------------------------------- due list

export const dueQuerySchema = z
  .object({
    office: z.string().trim().min(1).max(80).optional(),
    kind: assessmentKindSchema.optional(),
    before: isoDate('before').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(600).optional(),
  })
  .strict();

export interface DueAssessment {
  participantId: string;
  office: string;
  kind: AssessmentKind;
  number: number;
  assessmentId: string;
  completedAt: string;
  reassessmentDueOn: string;
}

// ---------------------------------------------------------------- occupation catalogue

export const OCCUPATION_OUTLOOKS = ['bright', 'average', 'below-average'] as const;

/** Holland code of an occupation: 1-3 distinct letters of RIASEC, most characteristic first. */
export const riasecCodeSchema = z
  .string()
  .trim()
  .regex(/^(?!.*(.).*\1)[RIASEC]{1,3}$/, 'RIASEC code must be 1-3 distinct letters of R, I, A, S, E, C, e.g. "SEC"');

const occupationFields = {
  title: text(120, 'Title'),
  riasecCode: riasecCodeSchema,
  jobZone: jobZoneSchema,
  medianAnnualWage: z.number().int('Median annual wage is whole dollars').min(0).max(1_000_000),
  outlook: z.enum(OCCUPATION_OUTLOOKS),
};

export const createOccupationSchema = z.object({ socCode: socCodeSchema, ...occupationFields }).strict();
export type CreateOccupationRequest = z.infer<typeof createOccupationSchema>;

export const updateOccupationSchema = z
  .object(occupationFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field', path: ['(body)'] });
export type UpdateOccupationRequest = z.infer<typeof updateOccupationSchema>;

export const occupationQuerySchema = z
  .object({
    q: z.string().trim().max(80).optional(),
    riasec: z.enum(RIASEC).optional(),
    jobZone: z.coerce.number().pipe(jobZoneSchema).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(20).optional(),
  })
  .strict();

export interface OccupationView {
  socCode: string;
  title: string;
  riasecCode: string;
  jobZone: number;
  medianAnnualWage: number;
  outlook: (typeof OCCUPATION_OUTLOOKS)[number];
  /** `catalogue`: shipped with the project; `local`: added by an administrator. */
  source: 'catalogue' | 'local';
}
