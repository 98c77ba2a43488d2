/** A signed-in demo user talking to the gateway: every call checks the status it expects. */
export interface DemoClient {
  readonly username: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, what: string, status?: number): Promise<T>;
  put<T>(path: string, body: unknown, what: string): Promise<T>;
}

/** The password every demo user shares (tools/up.sh prints it). */
const DEMO_PASSWORD = 'Waypoint-demo-1';

/** Signs a demo user in through the gateway (`gateway` without the /api suffix). */
export async function signIn(gateway: string, username: string): Promise<DemoClient> {
  const login = await fetch(`${gateway}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`demo sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

  const call = async <T>(method: string, path: string, body: unknown, what: string, status: number): Promise<T> => {
    const res = await fetch(`${gateway}/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (res.status !== status) throw new Error(`seeding ${what} as ${username} failed: ${method} ${path} answered ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    username,
    get: (path) => call('GET', path, undefined, `a read of ${path}`, 200),
    post: (path, body, what, status = 201) => call('POST', path, body, what, status),
    put: (path, body, what) => call('PUT', path, body, what, 200),
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
