import type { DuplicateLevel } from '../duplicates/duplicate-score';

/** Levels at which registering needs the worker's explicit confirmation. */
export const REVIEW_REQUIRED_LEVELS: readonly DuplicateLevel[] = ['certain', 'likely'];

/** Ids of the candidates the worker must have reviewed before a new record is made. */
export function reviewRequiredFor(candidates: readonly { id: string; level: DuplicateLevel }[]): string[] {
  return candidates.filter((c) => REVIEW_REQUIRED_LEVELS.includes(c.level)).map((c) => c.id);
}

/**
 * Which of the candidates needing review the worker's confirmation does not cover (empty:
 * registering may go ahead). Without a confirmation, all of them.
 */
export function unreviewedCandidates(
  required: readonly string[],
  review?: { confirmedNotDuplicate: boolean; reviewedCandidateIds: readonly string[] },
): string[] {
  if (!review?.confirmedNotDuplicate) return [...required];
  const reviewed = new Set(review.reviewedCandidateIds);
  return required.filter((id) => !reviewed.has(id));
}
