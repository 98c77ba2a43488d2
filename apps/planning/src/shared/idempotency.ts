import { createHash, randomUUID } from 'node:crypto';
import { unprocessable, validationError } from '@waypoint/platform';

const KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The id a record gets from an `Idempotency-Key` (one per form submission): the same key
 * from the same user for the same kind of record always gives the same id, so the database
 * refuses a second copy of a retried submission. 400 for a malformed key.
 */
export function idFromIdempotencyKey(key: string | undefined, userId: string, kind: string): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw validationError([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 8-128 letters, digits, - or _' }]);
  return createHash('sha256').update(`${kind}\n${userId}\n${key}`).digest('hex').slice(0, 32);
}

/**
 * Records once per id: with an id some earlier submission already stored (for the same
 * participant), answers that record instead of writing again, including when two copies of
 * one submission race (the second insert hits the `_id`). Without an id, always records.
 */
export async function recordOnce<T extends { participantId: string }>(
  id: string | undefined,
  participantId: string,
  find: (id: string) => Promise<T | null>,
  create: (id: string) => Promise<T>,
): Promise<{ record: T; replayed: boolean }> {
  const earlier = async (key: string): Promise<T | null> => {
    const found = await find(key);
    if (found && found.participantId !== participantId) {
      throw unprocessable([{ field: 'Idempotency-Key', message: 'This Idempotency-Key was already used for another participant' }]);
    }
    return found;
  };
  if (id === undefined) return { record: await create(randomUUID()), replayed: false };
  const before = await earlier(id);
  if (before) return { record: before, replayed: true };
  try {
    return { record: await create(id), replayed: false };
  } catch (err) {
    const raced = (err as { code?: number }).code === 11000 ? await earlier(id) : null;
    if (raced) return { record: raced, replayed: true };
    throw err;
  }
}
