import * as path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { confirmExitUpdate, JOURNEY_WORKFLOW_TYPE } from '@waypoint/journey-workflows';
import { createTimeSkippingEnv, installQuietTemporalRuntime } from '../testing/time-skipping-env';
import { count, JourneyDriver, recordingActivities, withJourneyWorker } from '../testing/journey-test-kit';
import { withWorkspaceAliases } from './workflow-bundle';

// A journey started by version 1 (before the `journey-v2` patch) moves to version 2 with its
// next event: continue-as-new carrying what it knew and the signal it had not applied. The
// test bundle also registers version 1 under a type of its own (libs/journey/workflows/src/legacy-workflows.ts).

const LEGACY_ENTRY = path.resolve(__dirname, '../../../../libs/journey/workflows/src/legacy-workflows.ts');

let testEnv: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;
const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  installQuietTemporalRuntime();
  [testEnv, workflowBundle] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflowCode({ workflowsPath: LEGACY_ENTRY, webpackConfigHook: withWorkspaceAliases, logger: quiet }),
  ]);
});

afterAll(async () => {
  await testEnv?.teardown();
});

describe('participant journey: version 1 to version 2', () => {
  it('moves a version-1 journey waiting in intake to version 2 at its next event, losing nothing; refuses staff actions before', async () => {
    const r = recordingActivities();
    await withJourneyWorker(testEnv, workflowBundle, r.activities, async (taskQueue) => {
      const j = new JourneyDriver(testEnv, taskQueue, undefined, {}, 'participantJourneyV1');
      const registration = await j.register();
      expect(r.phases.map((p) => p.phase)).toEqual(['intake']);
      expect(r.events).toEqual([]); // version 1 published no status
      const early = { reason: 'health' as const, confirmedBy: 'case.manager', requestId: 'req-v1' };
      await expect(j.handle.executeUpdate(confirmExitUpdate, { args: [early] })).rejects.toThrow(WorkflowUpdateFailedError);
      expect(count(await j.history(), 'workflowExecutionUpdateAcceptedEventAttributes')).toBe(0);

      const enrolled = await j.enroll();
      const assessed = await j.assess();

      const firstRun = (await testEnv.client.workflow.getHandle(j.workflowId, j.firstRunId).fetchHistory()).events ?? [];
      expect(count(firstRun, 'workflowExecutionContinuedAsNewEventAttributes')).toBe(1);
      const current = await j.handle.describe();
      expect(current.type).toBe(JOURNEY_WORKFLOW_TYPE);
      expect(current.runId).not.toBe(j.firstRunId);

      const state = await j.state();
      expect(state).toMatchObject({ phase: 'planning', sequence: 2, office: registration.office });
      expect(state.appliedEventIds).toEqual([registration.eventId, enrolled.eventId, assessed.eventId]);
      expect(state.openTasks.map((t) => t.kind)).toEqual(['plan_due']);
      // Intake was published once, by version 1; version 2 went on from sequence 2.
      expect(r.phases.map((p) => [p.phase, p.sequence])).toEqual([
        ['intake', 1],
        ['planning', 2],
      ]);
      expect(r.ofType('journey.status.changed')).toHaveLength(1);
      await j.terminate();
    });
  });
});
