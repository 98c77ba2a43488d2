/** Why an assessment input was refused. */
export enum AssessmentErrorCode {
  UnknownItem = 'ASSESSMENT_UNKNOWN_ITEM',
  InvalidRating = 'ASSESSMENT_INVALID_RATING',
  DuplicateAnswer = 'ASSESSMENT_DUPLICATE_ANSWER',
  EvidenceRequired = 'ASSESSMENT_EVIDENCE_REQUIRED',
  UnknownCriterion = 'ASSESSMENT_UNKNOWN_CRITERION',
  InvalidOccupationCode = 'ASSESSMENT_INVALID_OCCUPATION_CODE',
}

/** The one error type of the assessment rules: a code plus the offending item or criterion ids. */
export class AssessmentError extends Error {
  constructor(
    readonly code: AssessmentErrorCode,
    readonly itemIds: readonly string[],
    message: string,
  ) {
    super(`${message}: ${itemIds.join(', ')}`);
    this.name = 'AssessmentError';
  }
}
