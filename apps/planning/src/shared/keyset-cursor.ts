import { z } from 'zod/v4';

const cursorKey = z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]);

/**
 * Position after the last row of a keyset page: its (sort key, `_id`), opaque to clients.
 * Lists page by key, never by skip (FerretDB 1.x and MongoDB alike read every skipped row).
 */
export function encodeKeysetCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

/** The (sort key, `_id`) of a cursor, or null when the string is not one this service issued. */
export function decodeKeysetCursor(cursor: string): [key: string, id: string] | null {
  try {
    return cursorKey.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
}
