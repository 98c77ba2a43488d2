import { AssessmentError } from './assessment-error';

/** For specs: runs `fn` and returns the AssessmentError it throws (fails on anything else). */
export function thrownAssessmentError(fn: () => unknown): AssessmentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessmentError) return e;
    throw e;
  }
  throw new Error('expected an AssessmentError');
}
