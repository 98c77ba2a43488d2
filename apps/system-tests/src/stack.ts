import { startService, waitHealthy, type ServiceProcess } from '@waypoint/platform/testing';

/**
 * The system-test stack as separate processes (gateway, intake, planning, journey), on test
 * ports and in the `test` namespace, so it runs beside a demo stack without touching it.
 */
export const ports = { gateway: 3950, intake: 3951, planning: 3952, journey: 3956 };
export const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;

// A SIGKILLed consumer holds its partitions until its session times out: keep that short here.
const common = { KAFKA_SESSION_TIMEOUT_MS: '8000' };

export const serviceEnv = {
  intake: { ...common, INTAKE_PORT: String(ports.intake), OUTBOX_POLL_MS: '200', LOG_LEVEL: 'info' },
  planning: { ...common, PLANNING_PORT: String(ports.planning), OUTBOX_POLL_MS: '200', LOG_LEVEL: 'info' },
  journey: { ...common, JOURNEY_PORT: String(ports.journey), LOG_LEVEL: 'info' },
  gateway: {
    GATEWAY_PORT: String(ports.gateway),
    INTAKE_URL: `http://127.0.0.1:${ports.intake}`,
    PLANNING_URL: `http://127.0.0.1:${ports.planning}`,
    SEED_DEMO_USERS: 'true',
    LOG_LEVEL: 'info',
  },
};

export async function startIntake(extraEnv: Record<string, string> = {}, label = 'intake'): Promise<ServiceProcess> {
  const proc = startService('intake', { ...serviceEnv.intake, ...extraEnv }, label);
  await waitHealthy(proc, `http://127.0.0.1:${ports.intake}/health`);
  return proc;
}

export interface Stack {
  intake: ServiceProcess;
  planning: ServiceProcess;
  journey: ServiceProcess;
  gateway: ServiceProcess;
}

export async function startStack(): Promise<Stack> {
  const journey = startService('journey', serviceEnv.journey);
  const gateway = startService('gateway', serviceEnv.gateway);
  const planning = startService('planning', serviceEnv.planning);
  const intake = await startIntake();
  await waitHealthy(planning, `http://127.0.0.1:${ports.planning}/health`);
  await waitHealthy(journey, `http://127.0.0.1:${ports.journey}/health`, 120_000);
  await waitHealthy(gateway, `${gatewayUrl}/api/health`);
  return { intake, planning, journey, gateway };
}

export async function signIn(username: string, password = 'Waypoint-demo-1'): Promise<string> {
  const res = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function api<T = unknown>(
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${gatewayUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
