import type { EventContract } from '../envelope';

/** Assessment completed, needs identified. */
export const ASSESSMENT_EVENTS: readonly EventContract[] = [];
