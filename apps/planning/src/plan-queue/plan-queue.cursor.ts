import { z } from 'zod/v4';

/** Position after the last entry of a page: its (registeredAt, participantId). */
export interface PlanQueueCursor {
  registeredAt: Date;
  participantId: string;
}

const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1)]);

export function encodePlanQueueCursor(c: PlanQueueCursor): string {
  return Buffer.from(JSON.stringify([c.registeredAt.toISOString(), c.participantId]), 'utf8').toString('base64url');
}

/** The cursor, or null when the string is not one this service issued. */
export function decodePlanQueueCursor(cursor: string): PlanQueueCursor | null {
  try {
    const [registeredAt, participantId] = cursorKey.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { registeredAt: new Date(registeredAt), participantId };
  } catch {
    return null;
  }
}
