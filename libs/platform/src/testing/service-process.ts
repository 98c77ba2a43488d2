import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor } from './wait-for';

export const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  logFile: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts one app as its own Node process, exactly as the run command does (ts-node,
 * transpile only), with output in test-output/logs/<name>-<n>.log.
 */
export function startService(app: string, env: Record<string, string>, label = app): ServiceProcess {
  const logDir = path.join(workspaceRoot, 'test-output', 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${label}-${Date.now()}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${app}/src/main.ts`],
    {
      cwd: workspaceRoot,
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return {
    name: label,
    child,
    exited,
    logFile,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until `GET url` answers 200, failing early if the process dies. */
export async function waitHealthy(proc: ServiceProcess, url: string, timeoutMs = 60_000): Promise<void> {
  let dead = false;
  void proc.exited.then(() => (dead = true));
  await waitFor(
    `${proc.name} healthy at ${url} (log: ${proc.logFile})`,
    async () => {
      if (dead) throw new Error(`${proc.name} exited; see ${proc.logFile}`);
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return res.ok;
    },
    { timeoutMs, intervalMs: 500 },
  );
}
