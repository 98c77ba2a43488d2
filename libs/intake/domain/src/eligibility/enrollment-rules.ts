import type { FieldError } from '@waypoint/contracts';
import { isExpired, type EligibilityStatus } from './determine-eligibility';

/** A program's result within a stored determination, as enrollment needs it. */
export interface DeterminedProgram {
  status: EligibilityStatus;
  /** ISO date-times. */
  determinedAt: string;
  expiresAt: string;
}

const today = (asOf: Date) => asOf.toISOString().slice(0, 10);

/**
 * Why a person may not be enrolled in `program` from this determination (empty when they
 * may): there must be an eligible, unexpired result, and the entry date must lie between
 * the determination and today.
 */
export function enrollmentRefusals(
  program: string,
  result: DeterminedProgram | undefined,
  enrolledOn: string,
  asOf: Date,
): FieldError[] {
  if (!result) {
    return [{ field: 'program', message: `No eligibility determination covers ${program}: determine eligibility first.` }];
  }
  if (result.status !== 'eligible') {
    const why = result.status === 'undetermined' ? 'eligibility is undetermined (a fact is missing)' : 'the person is not eligible';
    return [{ field: 'program', message: `Cannot enroll in ${program}: ${why} in the determination of ${result.determinedAt.slice(0, 10)}.` }];
  }
  if (isExpired(result, asOf)) {
    return [
      {
        field: 'determinationId',
        message: `The eligibility determination for ${program} expired on ${result.expiresAt.slice(0, 10)}: determine eligibility again.`,
      },
    ];
  }
  if (enrolledOn < result.determinedAt.slice(0, 10)) {
    return [{ field: 'enrolledOn', message: `The enrollment date cannot be before the eligibility determination (${result.determinedAt.slice(0, 10)}).` }];
  }
  if (enrolledOn > today(asOf)) return [{ field: 'enrolledOn', message: 'The enrollment date cannot be in the future.' }];
  return [];
}

/** Why an enrollment may not be closed on `exitedOn` (empty when it may). */
export function exitRefusals(enrollment: { status: 'open' | 'exited'; enrolledOn: string }, exitedOn: string, asOf: Date): FieldError[] {
  if (enrollment.status === 'exited') return [{ field: '(body)', message: 'This enrollment has already been exited.' }];
  if (exitedOn < enrollment.enrolledOn) {
    return [{ field: 'exitedOn', message: `The exit date cannot be before the enrollment date (${enrollment.enrolledOn}).` }];
  }
  if (exitedOn > today(asOf)) return [{ field: 'exitedOn', message: 'The exit date cannot be in the future.' }];
  return [];
}
