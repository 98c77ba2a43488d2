import type { FieldError } from '@waypoint/contracts';
import { ApiError, ApiValidationError, SessionExpiredError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
  /** Login and other anonymous calls: no Authorization header, and a 401 is an ordinary error. */
  anonymous?: boolean;
}

export interface HttpClientOptions {
  /** Base path of the gateway; the dev and preview servers proxy it. */
  baseUrl?: string;
  getToken: () => string | null;
  /** Called once per 401 on an authenticated call. */
  onUnauthorized: () => void;
  /** Injected in tests; defaults to the global fetch at call time. */
  fetch?: typeof fetch;
}

export interface HttpClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
}

/**
 * The one fetch wrapper of the staff web. It adds the bearer token, parses JSON, and
 * turns failures into typed errors: 401 → SessionExpiredError (and onUnauthorized),
 * 400/422 → ApiValidationError with field errors, anything else → ApiError.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = options.baseUrl ?? '/api';

  async function request<T>(method: HttpMethod, path: string, req: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = req.anonymous ? null : options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    Object.assign(headers, req.headers);

    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(baseUrl + path + queryString(req.query), {
        method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'Waypoint could not reach the server. Check your connection and try again.');
    }

    const body = await readBody(response);
    if (response.status >= 200 && response.status < 300) return body as T;

    if (response.status === 401 && !req.anonymous) {
      options.onUnauthorized();
      throw new SessionExpiredError();
    }
    const message = messageOf(body) ?? defaultMessage(response.status);
    if ((response.status === 400 || response.status === 422) && hasFieldErrors(body)) {
      throw new ApiValidationError(response.status, message, body.errors);
    }
    throw new ApiError(response.status, message, body);
  }

  return { request };
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body) {
    const { message } = body as { message: unknown };
    if (typeof message === 'string' && message) return message;
    // NestJS puts class-validator messages in an array.
    if (Array.isArray(message) && typeof message[0] === 'string') return message.join('. ');
  }
  return undefined;
}

function hasFieldErrors(body: unknown): body is { errors: FieldError[] } {
  return (
    !!body &&
    typeof body === 'object' &&
    Array.isArray((body as { errors?: unknown }).errors) &&
    (body as { errors: unknown[] }).errors.every(
      (e) => !!e && typeof (e as FieldError).field === 'string' && typeof (e as FieldError).message === 'string',
    )
  );
}

function defaultMessage(status: number): string {
  if (status === 403) return 'Your role does not allow this action.';
  if (status === 404) return 'Not found.';
  if (status === 400 || status === 422) return 'Some answers are not valid.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}
