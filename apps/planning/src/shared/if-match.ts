import { HttpException } from '@nestjs/common';
import { validationError } from '@waypoint/platform';

/**
 * The version a change was based on: the If-Match header (`"3"`, `W/"3"`, `3`) or, without
 * one, `version` in the body. 400 when the header is unreadable, 428 when neither is given.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const header = ifMatch?.trim();
  if (header) {
    const version = Number(/^(?:W\/)?"?([1-9]\d{0,8})"?$/.exec(header)?.[1]);
    if (!version) throw validationError([{ field: 'If-Match', message: 'If-Match must be the version (ETag) you read, e.g. "3"' }]);
    return version;
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new HttpException(
    { statusCode: 428, error: 'Precondition Required', message: 'Send the version you read: If-Match: "<version>" (or version in the body)' },
    428,
  );
}
