/**
 * A fake `fetch` for component tests only: routes `METHOD /path` to canned answers and
 * records every call. The real gateway is exercised by the end-to-end test.
 */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
}

export type FakeRoute = FakeAnswer | ((request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>);

export interface FakeFetch {
  calls: FakeRequest[];
  /** Requests no route matched (each also got a 599). */
  unmatched: FakeRequest[];
  /** Add or replace a route, e.g. `on('GET /api/participants', ...)`. */
  on(key: string, route: FakeRoute): void;
  callsTo(key: string): FakeRequest[];
  restore(): void;
}

export function installFakeFetch(routes: Record<string, FakeRoute> = {}): FakeFetch {
  const table = new Map<string, FakeRoute>(Object.entries(routes));
  const calls: FakeRequest[] = [];
  const unmatched: FakeRequest[] = [];
  const original = globalThis.fetch;

  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://staff-web.test');
    if (init.signal?.aborted) throw abortError();
    const request: FakeRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(request);
    const route = table.get(`${request.method} ${request.path}`);
    if (!route) {
      unmatched.push(request);
      return fakeResponse({ status: 599, body: { message: `no fake route for ${request.method} ${request.path}` } });
    }
    const answer = typeof route === 'function' ? await route(request) : route;
    if (init.signal?.aborted) throw abortError();
    return fakeResponse(answer);
  };

  globalThis.fetch = fake as typeof fetch;
  return {
    calls,
    unmatched,
    on: (key, route) => void table.set(key, route),
    callsTo: (key) => calls.filter((c) => `${c.method} ${c.path}` === key),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

function fakeResponse({ status, body }: FakeAnswer): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    status,
    ok: status >= 200 && status < 300,
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
