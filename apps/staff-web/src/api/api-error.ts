import type { FieldError } from '@waypoint/contracts';

/** Any failed call: `status` is the HTTP status, 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The parsed answer body, for answers that carry more than a message (e.g. a 409 with candidates). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The `code` of the answer body (`possible-duplicate`, `stale-version`...), if it has one. */
  get code(): string | undefined {
    const body = this.body;
    if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') return (body as { code: string }).code;
    return undefined;
  }
}

/** 400/422 with field errors; `fieldErrors` maps a dotted path (`address.postalCode`) to its first message. */
export class ApiValidationError extends ApiError {
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, message: string, errors: readonly FieldError[]) {
    super(status, message, { errors });
    this.name = 'ApiValidationError';
    const map: Record<string, string> = {};
    for (const e of errors) if (!(e.field in map)) map[e.field] = e.message;
    this.fieldErrors = map;
  }
}

/** 401 on an authenticated call: the session is over; the app has already been told. */
export class SessionExpiredError extends ApiError {
  constructor() {
    super(401, 'Your session has expired');
    this.name = 'SessionExpiredError';
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
