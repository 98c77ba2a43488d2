import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { installQuietTemporalRuntime } from '../testing/time-skipping-env';
import { JOURNEY_HISTORIES, loadHistory } from './journey-history-fixtures';
import { bundleJourneyWorkflows } from './workflow-bundle';

// Journeys run for a year and more: every saved history must replay against today's workflow
// code, or the deployed journeys would fail their next workflow task. A change that breaks one
// needs `patched()` (STYLE.md). Histories are recorded by participant-journey.workflow.int-spec.ts
// with UPDATE_HISTORIES=1; record a new one for each new path, keep the old ones.
describe('participant journey replay', () => {
  let workflowBundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    installQuietTemporalRuntime();
    workflowBundle = await bundleJourneyWorkflows();
  });

  it.each(Object.entries(JOURNEY_HISTORIES))('replays the saved %s history deterministically', async (_name, fixture) => {
    await expect(Worker.runReplayHistory({ workflowBundle }, loadHistory(fixture), fixture.workflowId)).resolves.toBeUndefined();
  });
});
