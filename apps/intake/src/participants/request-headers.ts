import { validationError } from '@waypoint/platform';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** The Idempotency-Key header, checked: 400 if present but malformed. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw validationError([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 8-128 letters, digits, - or _' }]);
  }
  return header;
}

/** The version in an If-Match header: `"3"`, `W/"3"` or `3`; undefined if absent; 400 if unreadable. */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match || Number(match[1]) < 1) {
    throw validationError([{ field: 'If-Match', message: 'If-Match must be the version (ETag) you read, e.g. "3"' }]);
  }
  return Number(match[1]);
}

/** The ETag of a record version. */
export const etagOf = (version: number) => `"${version}"`;
