import type { EventContract } from '../envelope';
import { eligibilityDeterminedV1 } from './eligibility-determined.v1';
import { participantEnrolledV1 } from './enrollment-enrolled.v1';
import { participantExitedProgramV1 } from './enrollment-exited.v1';

export * from './eligibility-determined.v1';
export * from './enrollment-enrolled.v1';
export * from './enrollment-exited.v1';

/** Eligibility determined, enrolled in a program, exited a program. */
export const PROGRAM_EVENTS: readonly EventContract[] = [eligibilityDeterminedV1, participantEnrolledV1, participantExitedProgramV1];
