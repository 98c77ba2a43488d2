import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  JOURNEY_WORKFLOW_TYPE,
  journeyStateQuery,
  journeyWorkflowId,
  participantRegisteredSignal,
  type JourneyActivities,
  type JourneyInput,
  type ParticipantRegisteredSignal,
  type PublishPhaseChangedInput,
} from '@waypoint/journey-workflows';
import { waitFor } from '@waypoint/platform/testing';
import { createTimeSkippingEnv, installQuietTemporalRuntime } from '../testing/time-skipping-env';
import { JOURNEY_HISTORIES, saveHistory, updatingHistories } from './journey-history-fixtures';
import { bundleJourneyWorkflows } from './workflow-bundle';

// The journey workflow as the journey worker runs it (same bundle, aliases and all) on the
// real time-skipping test server. Activities are recording fakes: the workflow is under test.
// These tests live in apps/journey because the bundler configuration does.

type HistoryEvent = NonNullable<History['events']>[number];

let testEnv: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  installQuietTemporalRuntime();
  [testEnv, workflowBundle] = await Promise.all([createTimeSkippingEnv(), bundleJourneyWorkflows()]);
});

afterAll(async () => {
  await testEnv?.teardown();
});

/** Activities that record what the workflow asked for; the first `failures` calls throw. */
function recordingActivities({ failures = 0 } = {}) {
  const published: PublishPhaseChangedInput[] = [];
  let attempts = 0;
  const activities: JourneyActivities = {
    async publishPhaseChanged(input) {
      attempts += 1;
      if (attempts <= failures) throw new Error(`broker unavailable (attempt ${attempts})`);
      published.push(input);
    },
    async publishJourneyEvents() {
      return undefined;
    },
  };
  return { activities, published, attempts: () => attempts };
}

function aRegistration(overrides: Partial<ParticipantRegisteredSignal> = {}): ParticipantRegisteredSignal {
  return {
    eventId: `evt-${randomUUID()}`,
    correlationId: `corr-${randomUUID()}`,
    office: 'Springfield American Job Center',
    programsOfInterest: ['WIOA_ADULT', 'SNAP_ET'],
    registeredAt: '2026-03-02T15:04:05.000Z',
    ...overrides,
  };
}

/** What the bridge does for `intake.participant.registered`: signal-with-start. */
function signalRegistered(taskQueue: string, participantId: string, registration: ParticipantRegisteredSignal) {
  const input: JourneyInput = { participantId, correlationId: registration.correlationId };
  return testEnv.client.workflow.signalWithStart(JOURNEY_WORKFLOW_TYPE, {
    workflowId: journeyWorkflowId(participantId),
    taskQueue,
    args: [input],
    signal: participantRegisteredSignal,
    signalArgs: [registration],
  });
}

/** Runs `body` with a journey worker on a queue of its own. */
async function withJourneyWorker<T>(activities: JourneyActivities, body: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `journey-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: testEnv.nativeConnection, taskQueue, workflowBundle, activities });
  return worker.runUntil(body(taskQueue));
}

const closedEvents = [
  'workflowExecutionCompletedEventAttributes',
  'workflowExecutionFailedEventAttributes',
  'workflowExecutionTimedOutEventAttributes',
  'workflowExecutionTerminatedEventAttributes',
  'workflowExecutionCanceledEventAttributes',
  'workflowExecutionContinuedAsNewEventAttributes',
] as const;

/** No workflow task in flight: the last one completed, or the run has closed. */
const settled = (last: HistoryEvent | undefined): boolean =>
  last != null && [...closedEvents, 'workflowTaskCompletedEventAttributes' as const].some((attributes) => last[attributes] != null);

/** The history once the workflow has settled and `ready` holds. */
function settledHistory(handle: WorkflowHandle, what: string, ready: (events: HistoryEvent[]) => boolean): Promise<History> {
  return waitFor(what, async () => {
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    return settled(events.at(-1)) && ready(events) ? history : undefined;
  });
}

const count = (events: HistoryEvent[], attributes: keyof HistoryEvent): number => events.filter((e) => e[attributes] != null).length;

describe('participant journey workflow', () => {
  it('enters intake on the registration signal and publishes the phase change once', async () => {
    const { activities, published } = recordingActivities();
    const { participantId, workflowId } = JOURNEY_HISTORIES.intake;
    const registration = aRegistration({ eventId: 'evt-intake-registered', correlationId: 'corr-intake' });

    await withJourneyWorker(activities, async (taskQueue) => {
      const handle = await signalRegistered(taskQueue, participantId, registration);
      expect(handle.workflowId).toBe(workflowId);

      const history = await settledHistory(handle, 'intake published', (e) => count(e, 'activityTaskCompletedEventAttributes') === 1);
      expect(published).toEqual([
        {
          eventId: `journey-${participantId}:phase:1`,
          correlationId: registration.correlationId,
          causationId: registration.eventId,
          participantId,
          workflowId,
          phase: 'intake',
          sequence: 1,
          changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      ]);
      const state = await handle.query(journeyStateQuery);
      expect(state).toMatchObject({
        participantId,
        phase: 'intake',
        sequence: 1,
        office: registration.office,
        programsOfInterest: registration.programsOfInterest,
        appliedEventIds: [registration.eventId],
        history: [{ sequence: 1, phase: 'intake', cause: registration.eventId, at: published[0].changedAt }],
      });

      if (updatingHistories()) saveHistory(JOURNEY_HISTORIES.intake, history);
    });
  });

  it('ignores a registration event it has already applied', async () => {
    const { activities, published } = recordingActivities();
    const participantId = `p-${randomUUID()}`;
    const registration = aRegistration();

    await withJourneyWorker(activities, async (taskQueue) => {
      const handle = await signalRegistered(taskQueue, participantId, registration);
      await settledHistory(handle, 'intake published', (e) => count(e, 'activityTaskCompletedEventAttributes') === 1);
      await signalRegistered(taskQueue, participantId, registration);

      const events = (await settledHistory(handle, 'the redelivered signal handled', (e) => count(e, 'workflowExecutionSignaledEventAttributes') === 2)).events ?? [];
      expect(count(events, 'activityTaskScheduledEventAttributes')).toBe(1);
      expect(published).toHaveLength(1);
      const state = await handle.query(journeyStateQuery);
      expect(state.history).toHaveLength(1);
      expect(state.appliedEventIds).toEqual([registration.eventId]);
      expect(state.sequence).toBe(1);
    });
  });

  it('stays open and queryable in intake a long time after registration', async () => {
    const { activities } = recordingActivities();
    const participantId = `p-${randomUUID()}`;

    await withJourneyWorker(activities, async (taskQueue) => {
      const handle = await signalRegistered(taskQueue, participantId, aRegistration());
      await settledHistory(handle, 'intake published', (e) => count(e, 'activityTaskCompletedEventAttributes') === 1);
      const before = await testEnv.currentTimeMs();

      await testEnv.sleep('400d');

      expect((await testEnv.currentTimeMs()) - before).toBeGreaterThanOrEqual(400 * 24 * 3600 * 1000);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      expect(await handle.query(journeyStateQuery)).toMatchObject({ phase: 'intake', sequence: 1 });
    });
  });

  it('retries a failing publish and still publishes the phase change once', async () => {
    const { activities, published, attempts } = recordingActivities({ failures: 2 });
    const participantId = `p-${randomUUID()}`;
    const registration = aRegistration();

    await withJourneyWorker(activities, async (taskQueue) => {
      const handle = await signalRegistered(taskQueue, participantId, registration);
      await testEnv.sleep('1m'); // past both retry back-offs (1 s, then 2 s) without waiting for them
      const events = (await settledHistory(handle, 'intake published after retries', (e) => count(e, 'activityTaskCompletedEventAttributes') === 1)).events ?? [];

      expect(attempts()).toBe(3);
      expect(published).toEqual([expect.objectContaining({ phase: 'intake', sequence: 1, eventId: `journey-${participantId}:phase:1` })]);
      // One scheduled activity; its retries live inside it (attempt 3 is the one that started).
      expect(count(events, 'activityTaskScheduledEventAttributes')).toBe(1);
      expect(events.find((e) => e.activityTaskStartedEventAttributes)?.activityTaskStartedEventAttributes?.attempt).toBe(3);
      expect((await handle.query(journeyStateQuery)).history).toHaveLength(1);
    });
  });
});
