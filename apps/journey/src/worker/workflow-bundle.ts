import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** The workflow bundle's entry: every workflow the journey worker runs. */
export const WORKFLOWS_PATH = path.join(workspaceRoot, 'libs/journey/workflows/src/workflows.ts');

/**
 * webpack aliases for the workspace's TypeScript path mappings (tsconfig.base.json), so
 * workflow code imports `@waypoint/*` libraries exactly as the rest of the code does.
 */
export function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`${alias}$`, path.join(workspaceRoot, target)]),
  );
}

export const bundlerOptions = {
  webpackConfigHook: (config: { resolve?: { alias?: unknown } }) => {
    config.resolve = config.resolve ?? {};
    config.resolve.alias = { ...((config.resolve.alias as object | undefined) ?? {}), ...workspaceAliases() };
    return config as never;
  },
};

/** Bundles the journey workflows once (a worker or a test file reuses the result). */
export function bundleJourneyWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...bundlerOptions, logger: quietLogger });
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => process.stderr.write(`${m}\n`), log: noop };
