import { z } from 'zod/v4';
import { decodeKeysetCursor, encodeKeysetCursor } from '../shared/keyset-cursor';

/** Position after the last entry of a page: its (registeredAt, participantId). */
export interface PlanQueueCursor {
  registeredAt: Date;
  participantId: string;
}

export function encodePlanQueueCursor(c: PlanQueueCursor): string {
  return encodeKeysetCursor(c.registeredAt.toISOString(), c.participantId);
}

/** The cursor, or null when the string is not one this service issued. */
export function decodePlanQueueCursor(cursor: string): PlanQueueCursor | null {
  const key = decodeKeysetCursor(cursor);
  if (!key || !z.iso.datetime().safeParse(key[0]).success) return null;
  return { registeredAt: new Date(key[0]), participantId: key[1] };
}
