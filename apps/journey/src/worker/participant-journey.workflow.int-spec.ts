import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { addDays, daysBetween } from '@waypoint/journey-domain';
import { confirmExitUpdate, enrolledSignal, reopenUpdate, type ConfirmExitUpdate, type JourneyActivities, type JourneyView } from '@waypoint/journey-workflows';
import { createTimeSkippingEnv, installQuietTemporalRuntime } from '../testing/time-skipping-env';
import { aRegistration, count, JourneyDriver, recordingActivities, withJourneyWorker, type Recording } from '../testing/journey-test-kit';
import { JOURNEY_HISTORIES, saveHistory, updatingHistories, type JourneyHistoryName } from './journey-history-fixtures';
import { bundleJourneyWorkflows } from './workflow-bundle';

// The journey workflow as the journey worker runs it (same bundle, aliases and all) on the
// real time-skipping test server. Activities are recording fakes: the workflow is under test.
// Signals go through the client as the bridge sends them; time moves with testEnv.sleep.

let testEnv: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  installQuietTemporalRuntime();
  [testEnv, workflowBundle] = await Promise.all([createTimeSkippingEnv(), bundleJourneyWorkflows()]);
});

afterAll(async () => {
  await testEnv?.teardown();
});

/** Runs `body` with a worker and a driver for one participant (a fixture's, to record its history). */
function journey(body: (j: JourneyDriver, r: Recording) => Promise<void>, options: { fixture?: JourneyHistoryName; historyLimit?: number; activities?: Recording } = {}) {
  const recording = options.activities ?? recordingActivities();
  return withJourneyWorker(testEnv, workflowBundle, recording.activities as JourneyActivities, async (taskQueue) => {
    const participantId = options.fixture ? JOURNEY_HISTORIES[options.fixture].participantId : `p-${randomUUID()}`;
    const driver = new JourneyDriver(testEnv, taskQueue, participantId, options.historyLimit ? { historyLimit: options.historyLimit } : {});
    try {
      await body(driver, recording);
      if (options.fixture && updatingHistories()) saveHistory(JOURNEY_HISTORIES[options.fixture], await driver.settled());
    } finally {
      // A journey left running on the shared test server would hold its clock still (a timer
      // firing for a queue nobody polls is a workflow task nobody completes).
      await driver.terminate();
    }
  });
}

const confirm = (o: Partial<ConfirmExitUpdate> = {}): ConfirmExitUpdate => ({ reason: 'entered_employment', confirmedBy: 'case.manager', requestId: `req-${randomUUID()}`, ...o });

/** Why the update was refused or failed (the client error's cause carries the workflow's message). */
async function refusal(update: Promise<JourneyView>): Promise<string> {
  const err = await update.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as Error | undefined)?.message ?? '';
}

const openKinds = async (j: JourneyDriver) => (await j.state()).openTasks.map((t) => t.kind).sort();

describe('participant journey workflow: intake', () => {
  it('enters intake on the registration signal, publishes the phase change once and the status', async () => {
    await journey(
      async (j, r) => {
        const registration = await j.register(aRegistration({ eventId: 'evt-v2-registered', correlationId: 'corr-v2' }));
        expect(r.phases).toEqual([
          {
            eventId: `${j.workflowId}:phase:1`,
            correlationId: registration.correlationId,
            causationId: registration.eventId,
            participantId: j.participantId,
            workflowId: j.workflowId,
            phase: 'intake',
            sequence: 1,
            changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          },
        ]);
        expect(r.ofType('journey.status.changed')).toEqual([
          expect.objectContaining({
            eventId: `${j.workflowId}:status:1`,
            causationId: registration.eventId,
            data: expect.objectContaining({ revision: 1, phase: 'intake', lastServiceOn: null, nextDeadline: null, openTasks: 0 }),
          }),
        ]);
        expect(await j.state()).toMatchObject({
          phase: 'intake',
          sequence: 1,
          office: registration.office,
          appliedEventIds: [registration.eventId],
          history: [{ sequence: 1, phase: 'intake', cause: registration.eventId }],
          daysSinceLastService: null,
          deadlines: [],
        });
      },
      { fixture: 'intakeV2' },
    );
  });

  it('changes nothing for a redelivered signal', async () => {
    await journey(async (j, r) => {
      const registration = await j.register();
      const enrolled = await j.enroll();
      const before = { phases: r.phases.length, events: r.events.length, activities: count(await j.history(), 'activityTaskScheduledEventAttributes') };
      await j.register(registration);
      await j.send(enrolledSignal, enrolled);
      const history = await j.history();
      expect(count(history, 'workflowExecutionSignaledEventAttributes')).toBe(4);
      expect(count(history, 'activityTaskScheduledEventAttributes')).toBe(before.activities);
      expect({ phases: r.phases.length, events: r.events.length }).toEqual({ phases: before.phases, events: before.events });
      const state = await j.state();
      expect(state.enrollments).toHaveLength(1);
      expect(state.appliedEventIds).toEqual([registration.eventId, enrolled.eventId]);
      expect(state.history.map((h) => h.phase)).toEqual(['intake', 'planning']);
    });
  });

  it('retries a failing publish and still publishes the phase change once', async () => {
    const recording = recordingActivities({ failures: 2 });
    await journey(
      async (j, r) => {
        await j.register(); // settles once the third attempt has published (back-offs 1 s, then 2 s)
        expect(r.attempts()).toBe(3);
        expect(r.phases).toEqual([expect.objectContaining({ phase: 'intake', sequence: 1, eventId: `${j.workflowId}:phase:1` })]);
        const events = await j.history();
        const publishes = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'publishPhaseChanged');
        expect(publishes).toHaveLength(1);
        expect(events.find((e) => e.activityTaskStartedEventAttributes)?.activityTaskStartedEventAttributes?.attempt).toBe(3);
      },
      { activities: recording },
    );
  });
  it('goes on when an event breaks its contract: that batch is not published, the journey lives', async () => {
    const recording = recordingActivities({ contractViolations: 1 });
    await journey(
      async (j, r) => {
        await j.register();
        const events = await j.settled();
        expect(count(events.events ?? [], 'activityTaskFailedEventAttributes')).toBe(1);
        expect(count(events.events ?? [], 'workflowExecutionFailedEventAttributes')).toBe(0);

        await j.enroll();

        expect((await j.state()).phase).toBe('planning');
        expect(r.ofType('journey.task.opened').map((e) => e.data.kind)).toContain('plan_due');
      },
      { activities: recording },
    );
  });
});

describe('participant journey workflow: phases and clocks', () => {
  it('runs a whole journey: intake to exit and 12 months of follow-up, then closes', async () => {
    await journey(
      async (j, r) => {
        await j.register();
        await j.assess();
        await j.enroll({ rules: { followUpFrom: 'employment_start' } });
        expect(await openKinds(j)).toEqual(['plan_due']);
        await j.signPlan();
        const firstDay = await j.day();
        await j.recordService();
        await j.recordService({ category: 'job_search_assistance', service: 'Job club' });
        const placement = await j.place({ startOn: addDays(firstDay, 3) });
        expect((await j.state()).phase).toBe('placement');
        expect(await openKinds(j)).toEqual([]);

        // Monthly contacts keep the case touched; no participant-level service after day 0.
        for (let month = 0; month < 3; month += 1) {
          await j.sleep('29d');
          await j.contact();
        }
        await j.sleep(`${90 - 87}d`);
        const proposed = await j.state();
        expect(proposed.exitProposal).toMatchObject({ exitOn: firstDay, lastServiceOn: firstDay });
        expect(proposed.daysSinceLastService).toBe(90);
        expect(r.ofType('journey.exit.proposed')).toHaveLength(1);
        expect(await openKinds(j)).toEqual(['exit_review']);

        const view = await j.handle.executeUpdate(confirmExitUpdate, { args: [confirm()] });
        expect(view.exit).toMatchObject({ exitOn: firstDay, reason: 'entered_employment', followUpFrom: placement.startOn });
        expect(view.phase).toBe('follow_up');
        expect(r.ofType('journey.exit.confirmed')).toHaveLength(1);
        // Day 30 after the job started has passed already: its contact task is open.
        expect(view.openTasks.map((t) => t.kind)).toEqual(['follow_up_contact']);

        // Follow-up: answer each checkpoint on its day, until the journey closes.
        for (let guard = 0; guard < 20 && (await j.state()).phase !== 'closed'; guard += 1) {
          const next = (await j.state()).deadlines[0];
          const wait = Math.max(daysBetween(await j.day(), next.dueOn), 0);
          if (wait > 0) await j.sleep(`${wait}d`);
          if ((await j.state()).phase !== 'closed') await j.contact({ followUp: true });
        }
        await j.handle.result();

        expect(r.phases.map((p) => p.phase)).toEqual(['intake', 'assessment', 'planning', 'services', 'placement', 'exited', 'follow_up', 'closed']);
        expect(r.phases.map((p) => p.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        const opened = r.ofType('journey.task.opened').map((e) => e.data);
        const followUps = opened.filter((t) => t.kind === 'follow_up_contact').map((t) => daysBetween(placement.startOn, t.openedAt.slice(0, 10)));
        expect(followUps).toEqual([expect.any(Number), 90, 180, 270, 365]);
        expect(opened.filter((t) => t.kind === 'employment_check')).toHaveLength(2);
        const closed = r.ofType('journey.task.closed').map((e) => e.data.taskId);
        expect(new Set(closed).size).toBe(closed.length);
        expect(opened.map((t) => t.taskId).sort()).toEqual([...closed].sort());
        const statuses = r.ofType('journey.status.changed').map((e) => e.data.revision);
        expect(statuses).toEqual(statuses.map((_, i) => i + 1));
        expect(r.ofType('journey.status.changed').at(-1)?.data).toMatchObject({ phase: 'closed', openTasks: 0, nextDeadline: null });
        // Every event id is unique and deterministic.
        expect(new Set(r.events.map((e) => e.eventId)).size).toBe(r.events.length);
      },
      { fixture: 'wholeJourneyV2' },
    );
  });

  it('blocks the 90-day exit while a co-enrolled program has an open training', async () => {
    await journey(async (j) => {
      await j.register();
      await j.enroll({ program: 'WIOA_ADULT' });
      await j.enroll({ program: 'SNAP_ET' });
      await j.recordService();
      const training = await j.startTraining({ program: 'SNAP_ET' });

      await j.sleep('120d');
      const blocked = await j.state();
      expect(blocked.exitProposal).toBeNull();
      expect(blocked.deadlines.map((d) => d.kind)).not.toContain('exit_inactivity');

      await j.sleep('10d');
      await j.endTraining(training.trainingEnrollmentId);
      const ended = await j.day();
      expect((await j.state()).deadlines).toContainEqual(expect.objectContaining({ kind: 'exit_inactivity', dueOn: addDays(ended, 90) }));
      await j.sleep('89d');
      expect((await j.state()).exitProposal).toBeNull();
      await j.sleep('1d');
      expect((await j.state()).exitProposal).toMatchObject({ exitOn: ended, programs: ['WIOA_ADULT', 'SNAP_ET'] });
    });
  });

  it('restarts the exit clock with a service on day 89: no proposal on day 90, one on day 89 + 90', async () => {
    await journey(async (j, r) => {
      await j.register();
      await j.enroll();
      await j.recordService();
      await j.sleep('89d');
      await j.recordService();
      const day89 = await j.day();
      await j.sleep('1d');
      expect((await j.state()).exitProposal).toBeNull();
      await j.sleep('88d');
      expect((await j.state()).exitProposal).toBeNull();
      await j.sleep('1d');
      expect((await j.state()).exitProposal).toMatchObject({ exitOn: day89 });
      expect(r.ofType('journey.exit.proposed')).toHaveLength(1);
    });
  });

  it('does not restart the exit clock for a case-management contact service', async () => {
    await journey(async (j) => {
      await j.register();
      await j.enroll();
      const first = (await j.recordService()).startOn;
      await j.sleep('60d');
      await j.recordService({ category: 'case_management', service: 'Check-in call' });
      await j.sleep('30d');
      expect((await j.state()).exitProposal).toMatchObject({ exitOn: first });
    });
  });

  it('withdraws a proposed exit when a service is scheduled', async () => {
    await journey(async (j, r) => {
      await j.register();
      await j.enroll();
      await j.recordService();
      await j.sleep('90d');
      expect((await j.state()).exitProposal).not.toBeNull();
      await j.recordService({ status: 'scheduled', startOn: await j.day(7) });
      const state = await j.state();
      expect(state.exitProposal).toBeNull();
      expect(state.openTasks.map((t) => t.kind)).not.toContain('exit_review');
      expect(r.ofType('journey.task.closed').map((e) => e.data.resolution)).toContain('obsolete');
    });
  });

  it('opens a contact task after 30 days without contact, escalates it, and a contact closes both', async () => {
    await journey(
      async (j, r) => {
        await j.register();
        await j.enroll();
        await j.signPlan();
        const enrolledOn = await j.day();
        await j.sleep('29d');
        expect(await openKinds(j)).toEqual([]);
        await j.sleep('1d');
        const due = (await j.state()).openTasks;
        expect(due).toEqual([expect.objectContaining({ kind: 'contact_due', audience: 'case_manager', dueOn: addDays(enrolledOn, 37) })]);
        await j.sleep('7d');
        expect((await j.state()).openTasks).toEqual([due[0], expect.objectContaining({ kind: 'contact_overdue', audience: 'supervisor' })]);

        const contact = await j.contact();
        expect(await openKinds(j)).toEqual([]);
        const closedByContact = r.ofType('journey.task.closed').filter((e) => e.causationId === contact.eventId);
        expect(closedByContact.map((e) => [e.data.taskId, e.data.resolution])).toEqual([
          [due[0].taskId, 'done'],
          [expect.stringMatching(/:task:\d+$/), 'done'],
        ]);
        expect((await j.state()).deadlines).toContainEqual(expect.objectContaining({ kind: 'contact_due', dueOn: addDays(contact.contactOn, 30) }));
      },
      { fixture: 'contactEscalationV2' },
    );
  });

  it('escalates a plan not signed by its due day', async () => {
    await journey(async (j) => {
      await j.register();
      await j.enroll({ rules: { planDueDays: 10, planEscalationDays: 5, contactIntervalDays: 180 } });
      await j.sleep('14d');
      expect(await openKinds(j)).toEqual(['plan_due']);
      await j.sleep('1d');
      expect(await openKinds(j)).toEqual(['plan_due', 'plan_overdue']);
      await j.signPlan();
      expect(await openKinds(j)).toEqual([]);
    });
  });
});

describe('participant journey workflow: staff actions', () => {
  it('reopens an exited case back into services with its clocks restarted', async () => {
    await journey(
      async (j, r) => {
        await j.register();
        await j.enroll();
        await j.signPlan();
        await j.recordService();
        await j.sleep('90d');
        await j.handle.executeUpdate(confirmExitUpdate, { args: [confirm({ reason: 'completed' })] });
        await j.sleep('40d');
        // Confirmed on day 90 after the exit date: the day-30 and day-90 contacts were due at once.
        expect(await openKinds(j)).toEqual(['follow_up_contact', 'follow_up_contact']);

        const request = { reason: 'New training', reopenedBy: 'case.manager', requestId: `req-${randomUUID()}` };
        const view = await j.handle.executeUpdate(reopenUpdate, { args: [request] });
        expect(view).toMatchObject({ phase: 'services', exit: null, exitProposal: null, openTasks: [] });
        expect(r.phases.slice(-1)[0]).toMatchObject({ phase: 'services', previousPhase: 'follow_up', causationId: request.requestId });
        // The same request again: the same answer, no second change.
        const again = await j.handle.executeUpdate(reopenUpdate, { args: [request] });
        expect(again.sequence).toBe(view.sequence);
        // Exit clock counts from the reopening.
        await j.sleep('89d');
        expect((await j.state()).exitProposal).toBeNull();
        await j.sleep('1d');
        expect((await j.state()).exitProposal).not.toBeNull();
      },
      { fixture: 'reopenedV2' },
    );
  });

  it('refuses to confirm an exit nobody proposed, leaving no trace in the history', async () => {
    await journey(async (j) => {
      await j.register();
      await j.enroll();
      await j.recordService();
      const before = await j.history();
      expect(await refusal(j.handle.executeUpdate(confirmExitUpdate, { args: [confirm({ reason: 'completed' })] }))).toMatch(/No exit is proposed/);
      const after = await j.history();
      // The validator ran in a workflow task (the test server records it); nothing else was written.
      const added = after.slice(before.length);
      expect(added.every((e) => e.workflowTaskScheduledEventAttributes || e.workflowTaskStartedEventAttributes || e.workflowTaskCompletedEventAttributes)).toBe(true);
      expect(count(after, 'workflowExecutionUpdateAcceptedEventAttributes')).toBe(0);
      expect(count(after, 'workflowExecutionUpdateCompletedEventAttributes')).toBe(0);
      expect((await j.state()).phase).toBe('services');
    });
  });

  it('confirms an early exit for a performance exclusion, and refuses a future exit date', async () => {
    await journey(async (j) => {
      await j.register();
      await j.enroll();
      const service = await j.recordService();
      expect(await refusal(j.handle.executeUpdate(confirmExitUpdate, { args: [confirm({ reason: 'health', exitOn: await j.day(1) })] }))).toMatch(/in the future/);
      expect(await refusal(j.handle.executeUpdate(confirmExitUpdate, { args: [confirm({ reason: 'health', exitOn: await j.day(-1) })] }))).toMatch(/before the last service date/);
      const request = confirm({ reason: 'health' });
      const view = await j.handle.executeUpdate(confirmExitUpdate, { args: [request] });
      expect(view.exit).toMatchObject({ exitOn: service.startOn, reason: 'health' });
      const again = await j.handle.executeUpdate(confirmExitUpdate, { args: [request] });
      expect(again.exit).toEqual(view.exit);
      expect(await refusal(j.handle.executeUpdate(confirmExitUpdate, { args: [confirm({ reason: 'health' })] }))).toMatch(/already exited/);
    });
  });
});

describe('participant journey workflow: durability', () => {
  it('continues as new when the history passes its limit, keeping state and deadlines', async () => {
    await journey(
      async (j, r) => {
        await j.register();
        await j.enroll();
        await j.signPlan();
        for (let i = 0; i < 6; i += 1) await j.recordService();
        const before = await j.state();
        await j.contact();
        await j.sleep('1d');
        await j.recordService();

        expect((await j.handle.describe()).runId).not.toBe(j.firstRunId);
        const firstRun = await testEnv.client.workflow.getHandle(j.workflowId, j.firstRunId).fetchHistory();
        expect(count(firstRun.events ?? [], 'workflowExecutionContinuedAsNewEventAttributes')).toBe(1);

        const after = await j.state();
        expect(after).toMatchObject({ phase: before.phase, sequence: before.sequence, enrollments: before.enrollments });
        expect(after.services).toHaveLength(before.services.length + 1);
        expect(after.appliedEventIds).toEqual(expect.arrayContaining(before.appliedEventIds));
        expect(after.deadlines.map((d) => d.kind)).toEqual(before.deadlines.map((d) => d.kind));
        // The new runs published nothing again for what the old ones did.
        await j.sleep('30d');
        expect((await j.state()).openTasks.map((t) => t.kind)).toEqual(['contact_due']);
        expect(r.ofType('journey.task.opened').map((e) => e.data.kind)).toEqual(['plan_due', 'contact_due']);
        expect(r.phases.map((p) => p.sequence)).toEqual([1, 2, 3]);
      },
      { historyLimit: 40, fixture: 'continuedV2' },
    );
  });
});
