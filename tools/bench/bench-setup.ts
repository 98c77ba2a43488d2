import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { Collection, Db, MongoClient } from 'mongodb';
import { waitFor, workspaceRoot } from '@waypoint/platform/testing';

export const log = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the engines only if they are not all up (never restarts a running one). */
export function ensureEngines(): void {
  try {
    execFileSync('bash', ['tools/engines.sh', 'status'], { cwd: workspaceRoot, stdio: 'ignore' });
  } catch {
    log('engines not all up: bash tools/engines.sh start');
    execFileSync('bash', ['tools/engines.sh', 'start'], { cwd: workspaceRoot, stdio: 'inherit' });
  }
}

export async function dropDatabases(client: MongoClient, prefix: string): Promise<string[]> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  const dropped = databases.map((d) => d.name).filter((name) => name.startsWith(prefix));
  for (const name of dropped) await client.db(name).dropDatabase();
  return dropped;
}

export interface EngineInfo {
  description: string;
  ferretdb: boolean;
}

export async function engineInfo(db: Db): Promise<EngineInfo> {
  const info = await db.admin().command({ buildInfo: 1 });
  const ferret = info.ferretdbVersion as string | undefined;
  return ferret
    ? { ferretdb: true, description: `FerretDB ${ferret}, SQLite backend (answers as MongoDB ${info.version})` }
    : { ferretdb: false, description: `MongoDB ${info.version}` };
}

/** Indexes the service created on `from`, recreated on `to` with the same keys and options. */
export async function copyIndexes(from: Collection, to: Collection): Promise<string[]> {
  const specs = (await from.listIndexes().toArray()).filter((ix) => ix.name !== '_id_');
  for (const { key, name, v: _v, ns: _ns, ...options } of specs) await to.createIndex(key, { name, ...options });
  return specs.map((ix) => ix.name as string);
}

/** Waits until the service has built a collection's indexes (mongoose builds them after start-up). */
export async function waitForIndexes(col: Collection, atLeast: number): Promise<string[]> {
  let last = '';
  let stableSince = Date.now();
  return waitFor(
    `the intake service to create the indexes of ${col.collectionName}`,
    async () => {
      const names = (await col.listIndexes().toArray().catch(() => [])).map((ix) => ix.name as string).sort();
      const key = names.join(',');
      if (key !== last) {
        last = key;
        stableSince = Date.now();
        return false;
      }
      return names.length >= atLeast && Date.now() - stableSince > 1500 ? names : false;
    },
    { timeoutMs: 60_000, intervalMs: 300 },
  );
}

/** A caller of the intake service with one internal token; any unexpected status fails the run. */
export class IntakeClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async post<T>(path: string, body: unknown, expect: number[] = [200, 201]): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/** Logs `done/total` at most every 10 seconds (and at the end) with the rate so far. */
export function progress(what: string, total: number): (done: number) => void {
  const start = Date.now();
  let lastLog = start;
  return (done) => {
    const now = Date.now();
    if (done < total && now - lastLog < 10_000) return;
    lastLog = now;
    log(`  ${what}: ${done}/${total} (${(done / ((now - start) / 1000)).toFixed(1)}/s)`);
  };
}
