import { ApiError, ApiValidationError, SessionExpiredError } from './api-error';
import { createHttpClient } from './http-client';

type Answer = { status: number; body?: unknown } | Error;

function clientAnswering(answer: Answer, token: string | null = 'tok') {
  const requests: { url: string; init: RequestInit }[] = [];
  const onUnauthorized = jest.fn();
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({ url: String(url), init });
    if (answer instanceof Error) throw answer;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return { status: answer.status, ok: answer.status < 300, text: async () => text } as unknown as Response;
  });
  const client = createHttpClient({ getToken: () => token, onUnauthorized, fetch: fetchImpl as unknown as typeof fetch });
  return { client, requests, onUnauthorized };
}

describe('http client', () => {
  it('keeps the body and code of a 409, so the screen can show the duplicate candidates', async () => {
    const conflict = { statusCode: 409, error: 'Conflict', code: 'possible-duplicate', message: 'May already be on file', candidates: [], reviewRequiredFor: ['p-9'] };
    const { client } = clientAnswering({ status: 409, body: conflict });

    const error = await client.request('POST', '/participants', { body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: 'May already be on file', code: 'possible-duplicate', body: conflict });
  });

  it('sends the bearer token and JSON body, and leaves empty query values out', async () => {
    const { client, requests } = clientAnswering({ status: 201, body: { id: 'p-1' } });

    const result = await client.request<{ id: string }>('POST', '/participants', { body: { a: 1 }, query: { q: '', limit: 50, cursor: null } });

    expect(result).toEqual({ id: 'p-1' });
    expect(requests[0].url).toBe('/api/participants?limit=50');
    expect(requests[0].init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
    expect(requests[0].init.body).toBe('{"a":1}');
  });

  it('turns a 400 body into typed field errors keyed by dotted path', async () => {
    const { client } = clientAnswering({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [
          { field: 'address.postalCode', message: 'ZIP code must be 12345 or 12345-6789' },
          { field: 'address.postalCode', message: 'second message is dropped' },
          { field: 'dateOfBirth', message: 'Date of birth must give an age between 14 and 110' },
        ],
      },
    });

    const error = await client.request('POST', '/participants', { body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiValidationError);
    expect((error as ApiValidationError).message).toBe('Validation failed');
    expect((error as ApiValidationError).fieldErrors).toEqual({
      'address.postalCode': 'ZIP code must be 12345 or 12345-6789',
      dateOfBirth: 'Date of birth must give an age between 14 and 110',
    });
  });

  it('reports a 401 on an authenticated call as the end of the session', async () => {
    const { client, onUnauthorized } = clientAnswering({ status: 401, body: { statusCode: 401, message: 'Unauthorized' } });

    await expect(client.request('GET', '/participants')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('treats a 401 on an anonymous call (sign-in) as an ordinary error', async () => {
    const { client, onUnauthorized, requests } = clientAnswering({ status: 401, body: { statusCode: 401, message: 'Invalid username or password' } });

    const error = await client.request('POST', '/auth/login', { body: {}, anonymous: true }).catch((e: unknown) => e);

    expect(error).not.toBeInstanceOf(SessionExpiredError);
    expect(error).toMatchObject({ status: 401, message: 'Invalid username or password' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect((requests[0].init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it.each([
    [{ status: 500 }, 500, 'The server had a problem. Try again in a moment.'],
    [{ status: 403, body: { statusCode: 403, message: 'Forbidden resource' } }, 403, 'Forbidden resource'],
    [{ status: 400, body: { statusCode: 400, message: ['name must be a string', 'age must be a number'] } }, 400, 'name must be a string. age must be a number'],
    [new TypeError('Failed to fetch'), 0, 'Waypoint could not reach the server. Check your connection and try again.'],
  ])('maps %p to status %p', async (answer, status, message) => {
    const { client } = clientAnswering(answer as Answer);

    const error = await client.request('GET', '/reference').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ApiValidationError);
    expect(error).toMatchObject({ status, message });
  });
});
