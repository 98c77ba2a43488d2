import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** The workflow bundle's entry: every workflow the journey worker runs. */
export const WORKFLOWS_PATH = path.join(workspaceRoot, 'libs/journey/workflows/src/workflows.ts');

/**
 * Modules evaluated once per worker and shared (deep-frozen) by every workflow, instead of
 * once per cached workflow. The workflow code reads a few constants from the contracts,
 * whose index also defines every zod schema: evaluated per workflow, that cost about 5.9 MB
 * per cached journey (the worker's workflow thread ran out of heap near 780 journeys);
 * shared, about 280 KiB (docs/benchmarks.md#journey). Both are stateless once loaded;
 * workflow code must not parse with these schemas (their lazy caches cannot be written once
 * frozen).
 */
export const SHARED_WORKFLOW_MODULES = ['zod', '@waypoint/contracts'];

type WebpackConfigHook = NonNullable<BundleOptions['webpackConfigHook']>;
type WebpackConfig = Parameters<WebpackConfigHook>[0];

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

/** Adds the workspace aliases to the bundler's webpack configuration. */
export const withWorkspaceAliases: WebpackConfigHook = (config: WebpackConfig) => {
  config.resolve = config.resolve ?? {};
  config.resolve.alias = { ...((config.resolve.alias as object | undefined) ?? {}), ...workspaceAliases() };
  return config;
};

/** Raised when the workflow code does not bundle; the message names webpack's errors. */
export class WorkflowBundleError extends Error {
  constructor(
    message: string,
    /** webpack's full report (module resolution trace included). */
    readonly details: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkflowBundleError';
  }
}

export interface JourneyBundleOptions {
  /** Runs after the workspace aliases are added (tests use it to prove they are needed). */
  webpackConfigHook?: WebpackConfigHook;
}

/** Bundles the journey workflows once (a worker or a test file reuses the result). */
export async function bundleJourneyWorkflows(options: JourneyBundleOptions = {}): Promise<WorkflowBundleWithSourceMap> {
  const reports: string[] = [];
  const extraHook = options.webpackConfigHook ?? ((config: WebpackConfig) => config);
  try {
    return await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      preloadModules: SHARED_WORKFLOW_MODULES,
      webpackConfigHook: (config) => extraHook(withWorkspaceAliases(config)),
      logger: { trace: noop, debug: noop, info: noop, warn: noop, log: noop, error: (message: string) => reports.push(message) },
    });
  } catch (err) {
    const details = reports.join('\n');
    // webpack's report runs to hundreds of lines; its `ERROR in` headings and first lines say what broke.
    const headline = details
      .split('\n')
      .flatMap((line, i, lines) => (line.startsWith('ERROR in') ? [`${line}: ${lines[i + 1] ?? ''}`] : []))
      .join('\n  ');
    throw new WorkflowBundleError(
      `journey workflows did not bundle (${WORKFLOWS_PATH}):\n  ${headline || (err as Error).message}`,
      details,
      { cause: err },
    );
  }
}

function noop(): void {
  return undefined;
}
