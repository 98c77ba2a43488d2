import type { EventContract } from '../envelope';

/** Eligibility determined, enrolled in a program, exited a program. */
export const PROGRAM_EVENTS: readonly EventContract[] = [];
