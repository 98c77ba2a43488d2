import {
  barriersRequestSchema,
  intakeQuestionnaireRequestSchema,
  interestProfileRequestSchema,
  jobReadinessRequestSchema,
  type AssessmentKind,
  type AssessmentSummary,
  type FieldError,
  type InterestProfileResult,
  type JobReadinessAnswers,
  type JobReadinessResult,
  type OccupationView,
} from '@waypoint/contracts';
import {
  AssessmentError,
  compareReadiness,
  identifyNeeds,
  questionnaireProblems,
  readinessCriteria,
  scoreInterestProfile,
  SOFT_SKILL_CRITERIA,
  suggestOccupations,
  summarizeQuestionnaire,
  worstSeverity,
  type JobZone,
  type ReadinessRating,
} from '@waypoint/intake-domain';
import { fieldErrors, validationError } from '@waypoint/platform';
import type { z } from 'zod/v4';

/** How many occupation suggestions an interest profile keeps (the best first). */
export const SUGGESTIONS_KEPT = 20;

export interface Evaluation {
  answers: Record<string, unknown>;
  result: Record<string, unknown>;
  /** Shown in lists and the overview; barriers' summary only to readBarriers roles. */
  summary: AssessmentSummary;
  /** Goes into intake.assessment.completed: never anything sensitive. */
  eventSummary: { riasecCode?: string; jobZone?: number; staffAverage?: number; selfAverage?: number };
}

export interface EvaluationContext {
  today: string;
  /** Loaded only for the interest profile. */
  occupations: () => Promise<OccupationView[]>;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  return parsed.data;
}

/** Validates a submitted assessment of `kind` and computes its result; 400 with field paths on bad input. */
export async function evaluate(kind: AssessmentKind, body: unknown, ctx: EvaluationContext): Promise<Evaluation> {
  switch (kind) {
    case 'intake-questionnaire': {
      const answers = parse(intakeQuestionnaireRequestSchema, body);
      const problems = questionnaireProblems(answers, ctx.today);
      if (problems.length) throw validationError(problems);
      return { answers, result: { ...summarizeQuestionnaire(answers, ctx.today) }, summary: { highestEducation: answers.highestEducation }, eventSummary: {} };
    }
    case 'barriers': {
      const answers = parse(barriersRequestSchema, body);
      const needs = identifyNeeds(answers);
      return { answers, result: { needs }, summary: { needCount: needs.length, worstSeverity: worstSeverity(needs) }, eventSummary: {} };
    }
    case 'interest-profile': {
      const answers = parse(interestProfileRequestSchema, body);
      const profile = scoreInterestProfile(answers.answers); // the schema already refused what this would
      const jobZone = answers.jobZone as JobZone;
      const catalogue = await ctx.occupations();
      const byCode = new Map(catalogue.map((o) => [o.socCode, o]));
      const suggestions = suggestOccupations(profile, jobZone, catalogue.map((o) => ({ ...o, jobZone: o.jobZone as JobZone })))
        .slice(0, SUGGESTIONS_KEPT)
        .map((s) => ({ ...s, occupation: byCode.get(s.occupation.socCode) as OccupationView }));
      const result: InterestProfileResult = {
        scores: profile.scores,
        primary: profile.primary,
        primaryTiedWith: profile.primaryTiedWith,
        secondary: profile.secondary,
        secondaryTiedWith: profile.secondaryTiedWith,
        hollandCode: profile.hollandCode,
        suggestions,
      };
      return { answers, result: { ...result }, summary: { hollandCode: profile.hollandCode, jobZone }, eventSummary: { riasecCode: profile.hollandCode, jobZone } };
    }
    case 'job-readiness': {
      const answers = parse(jobReadinessRequestSchema, body);
      const result = readinessResult(answers);
      // Only the averages that exist: a stored `undefined` would come back as null and break the contract.
      const averages = {
        ...(result.staffAverage !== undefined ? { staffAverage: result.staffAverage } : {}),
        ...(result.selfAverage !== undefined ? { selfAverage: result.selfAverage } : {}),
      };
      return { answers, result: { ...result }, summary: averages, eventSummary: averages };
    }
  }
}

/** Staff must rate every criterion (soft skills plus the hard skills given); self-ratings may be partial. */
function readinessResult(answers: JobReadinessAnswers): JobReadinessResult {
  const errors: FieldError[] = [];
  answers.hardSkills.forEach((h, i) => {
    if (SOFT_SKILL_CRITERIA.some((c) => c.id === h.id) || answers.hardSkills.findIndex((x) => x.id === h.id) < i)
      errors.push({ field: `hardSkills.${i}.id`, message: `Criterion ${h.id} is already on the list` });
  });
  if (errors.length) throw validationError(errors);
  const criteria = readinessCriteria(answers.hardSkills);
  for (const [side, ratings] of [['staffRatings', answers.staffRatings], ['selfRatings', answers.selfRatings]] as const) {
    try {
      compareReadiness(side === 'staffRatings' ? ratings : [], side === 'selfRatings' ? ratings : [], criteria);
    } catch (err) {
      if (!(err instanceof AssessmentError)) throw err;
      ratings.forEach((r: ReadinessRating, i: number) => {
        if (err.itemIds.includes(r.criterionId)) errors.push({ field: `${side}.${i}.criterionId`, message: `${err.message.split(':')[0]}: ${r.criterionId}` });
      });
    }
  }
  const comparison = errors.length ? undefined : compareReadiness(answers.staffRatings, answers.selfRatings, criteria);
  if (comparison?.missingStaff.length)
    errors.push({ field: 'staffRatings', message: `Staff must rate every criterion; missing: ${comparison.missingStaff.join(', ')}` });
  if (errors.length || !comparison) throw validationError(errors);
  return {
    criteria: comparison.criteria.map((c) => ({
      criterionId: c.criterion.id,
      label: c.criterion.label,
      kind: c.criterion.kind,
      ...(c.staff !== undefined ? { staff: c.staff } : {}),
      ...(c.self !== undefined ? { self: c.self } : {}),
      ...(c.gap !== undefined ? { gap: c.gap, gapLabel: c.label } : {}),
    })),
    ...(comparison.staffAverage !== undefined ? { staffAverage: comparison.staffAverage } : {}),
    ...(comparison.selfAverage !== undefined ? { selfAverage: comparison.selfAverage } : {}),
    ...(comparison.averageGap !== undefined ? { averageGap: comparison.averageGap } : {}),
    missingSelf: comparison.missingSelf,
  };
}
