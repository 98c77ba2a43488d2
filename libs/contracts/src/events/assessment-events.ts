import type { EventContract } from '../envelope';
import { assessmentCompletedV1 } from './assessment-completed.v1';
import { needsIdentifiedV1 } from './needs-identified.v1';

export * from './assessment-completed.v1';
export * from './needs-identified.v1';

/** Assessment completed, needs identified. */
export const ASSESSMENT_EVENTS: readonly EventContract[] = [assessmentCompletedV1, needsIdentifiedV1];
