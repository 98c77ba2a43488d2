import { AssessmentError, AssessmentErrorCode } from './assessment-error';

/** Job-readiness scale: 1 unsatisfactory, 2 inconsistent, 3 proficient, 4 exemplary. */
export const READINESS_LEVELS = { unsatisfactory: 1, inconsistent: 2, proficient: 3, exemplary: 4 } as const;
export type ReadinessLevel = (typeof READINESS_LEVELS)[keyof typeof READINESS_LEVELS];

export type ReadinessCriterionKind = 'soft' | 'hard';

export interface ReadinessCriterion {
  id: string;
  label: string;
  kind: ReadinessCriterionKind;
}

export const SOFT_SKILL_CRITERIA: readonly ReadinessCriterion[] = [
  { id: 'attendance-punctuality', label: 'Attendance and punctuality', kind: 'soft' },
  { id: 'appearance', label: 'Appearance', kind: 'soft' },
  { id: 'communication-attitude', label: 'Communication and attitude', kind: 'soft' },
  { id: 'performance-productivity', label: 'Performance and productivity', kind: 'soft' },
];

/** The soft skills plus the industry-specific hard skills a program passes in. */
export function readinessCriteria(hardSkills: readonly { id: string; label: string }[]): ReadinessCriterion[] {
  return [...SOFT_SKILL_CRITERIA, ...hardSkills.map((h) => ({ id: h.id, label: h.label, kind: 'hard' as const }))];
}

export interface ReadinessRating {
  criterionId: string;
  rating: number;
  /** Required (non-blank) on staff ratings; optional on self-ratings. */
  evidence?: string;
}

/**
 * A gap of at least this many points (self minus staff) is a disagreement. With whole-number
 * ratings on a 1-4 scale, any difference moves across a named level (e.g. proficient vs
 * inconsistent), which is worth a conversation, so only equal ratings count as agreeing.
 */
export const READINESS_GAP_THRESHOLD = 1;

export type GapLabel = 'agrees' | 'rates self higher' | 'rates self lower';

export interface CriterionComparison {
  criterion: ReadinessCriterion;
  staff?: number;
  self?: number;
  /** self minus staff, when both rated. */
  gap?: number;
  label?: GapLabel;
}

export interface ReadinessComparison {
  criteria: CriterionComparison[];
  /** Averages over the criteria each side rated (undefined when none), rounded to 2 decimals. */
  staffAverage?: number;
  selfAverage?: number;
  /** Mean of self minus staff over criteria both rated. */
  averageGap?: number;
  missingStaff: string[];
  missingSelf: string[];
}

export function gapLabel(gap: number): GapLabel {
  if (gap >= READINESS_GAP_THRESHOLD) return 'rates self higher';
  if (gap <= -READINESS_GAP_THRESHOLD) return 'rates self lower';
  return 'agrees';
}

/**
 * Compares the staff and self ratings criterion by criterion. Refuses ratings outside whole 1-4,
 * staff ratings without evidence, ratings of criteria not in the list, and a criterion rated twice
 * on one side. Criteria rated on only one side (or neither) are listed, never guessed.
 */
export function compareReadiness(
  staffRatings: readonly ReadinessRating[],
  selfRatings: readonly ReadinessRating[],
  criteria: readonly ReadinessCriterion[] = SOFT_SKILL_CRITERIA,
): ReadinessComparison {
  const staff = indexRatings(staffRatings, criteria, true);
  const self = indexRatings(selfRatings, criteria, false);

  const rows: CriterionComparison[] = criteria.map((criterion) => {
    const s = staff.get(criterion.id);
    const m = self.get(criterion.id);
    if (s === undefined || m === undefined) return { criterion, staff: s, self: m };
    return { criterion, staff: s, self: m, gap: m - s, label: gapLabel(m - s) };
  });
  const gaps = rows.flatMap((r) => (r.gap === undefined ? [] : [r.gap]));
  return {
    criteria: rows,
    staffAverage: average([...staff.values()]),
    selfAverage: average([...self.values()]),
    averageGap: average(gaps),
    missingStaff: criteria.filter((c) => !staff.has(c.id)).map((c) => c.id),
    missingSelf: criteria.filter((c) => !self.has(c.id)).map((c) => c.id),
  };
}

function indexRatings(
  ratings: readonly ReadinessRating[],
  criteria: readonly ReadinessCriterion[],
  evidenceRequired: boolean,
): Map<string, number> {
  const known = new Set(criteria.map((c) => c.id));
  const fail = (code: AssessmentErrorCode, bad: ReadinessRating[], message: string) => {
    if (bad.length) throw new AssessmentError(code, [...new Set(bad.map((r) => r.criterionId))], message);
  };
  fail(AssessmentErrorCode.UnknownCriterion, ratings.filter((r) => !known.has(r.criterionId)), 'Unknown readiness criteria');
  fail(
    AssessmentErrorCode.InvalidRating,
    ratings.filter((r) => !Number.isInteger(r.rating) || r.rating < 1 || r.rating > 4),
    'Readiness ratings must be whole numbers 1-4',
  );
  if (evidenceRequired)
    fail(AssessmentErrorCode.EvidenceRequired, ratings.filter((r) => !r.evidence?.trim()), 'Staff ratings need evidence');
  const seen = new Set<string>();
  fail(
    AssessmentErrorCode.DuplicateAnswer,
    ratings.filter((r) => seen.size === seen.add(r.criterionId).size),
    'Criteria rated more than once',
  );
  return new Map(ratings.map((r) => [r.criterionId, r.rating]));
}

function average(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Personal-readiness checklist kept by the case manager; sensitive, never shown to supervisors. */
export interface PersonalReadinessItem {
  id: string;
  label: string;
  met: boolean;
  note?: string;
}

export interface PersonalReadinessChecklist {
  items: PersonalReadinessItem[];
}

/** Every item must be met. An empty checklist is not met: nothing has been checked yet. */
export function personalReadinessMet(checklist: PersonalReadinessChecklist): boolean {
  return checklist.items.length > 0 && checklist.items.every((i) => i.met);
}
