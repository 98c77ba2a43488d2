import type { EventContract } from '../envelope';

/** Person events beyond registration: updated (and the group-session registrations). */
export const PEOPLE_EVENTS: readonly EventContract[] = [];
