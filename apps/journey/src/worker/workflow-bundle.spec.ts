import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { JOURNEY_PHASES } from '@waypoint/contracts';
import { bundleJourneyWorkflows, WorkflowBundleError } from './workflow-bundle';

// The workflow sandbox is built by webpack, which knows nothing of tsconfig paths: the
// bundler's alias hook is what lets workflow code import `@waypoint/*` like everything else.
describe('journey workflow bundle', () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    bundle = await bundleJourneyWorkflows();
  });

  it('resolves @waypoint/contracts through the workspace path aliases', () => {
    // Module ids are workspace-relative paths in the bundle; this one exists only via the alias.
    expect(bundle.code).toContain('"./libs/contracts/src/participant.ts"');
    for (const phase of JOURNEY_PHASES) expect(bundle.code).toContain(`'${phase}'`);
  });

  it('fails naming the unresolved module when the aliases are missing', async () => {
    const withoutWorkspaceAliases = bundleJourneyWorkflows({
      webpackConfigHook: (config) => {
        const alias = (config.resolve?.alias ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(alias)) if (key.startsWith('@waypoint/')) delete alias[key];
        return config;
      },
    });
    await expect(withoutWorkspaceAliases).rejects.toThrow(WorkflowBundleError);
    await expect(withoutWorkspaceAliases).rejects.toThrow(/Can't resolve '@waypoint\/contracts'/);
  });
});
