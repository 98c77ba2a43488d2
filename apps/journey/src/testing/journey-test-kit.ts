import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DEFAULT_JOURNEY_RULES, type JourneyRules } from '@waypoint/contracts';
import { createJourneyActivities } from '@waypoint/journey-activities';
import { addDays, isoDateOf } from '@waypoint/journey-domain';
import {
  assessmentCompletedSignal,
  contactRecordedSignal,
  enrolledSignal,
  JOURNEY_WORKFLOW_TYPE,
  journeyStateQuery,
  journeyWorkflowId,
  participantRegisteredSignal,
  placedSignal,
  planSignedSignal,
  serviceRecordedSignal,
  trainingCompletedSignal,
  trainingEnrolledSignal,
  type AssessmentCompletedSignal,
  type ContactRecordedSignal,
  type EnrolledSignal,
  type JourneyActivities,
  type JourneyEventInput,
  type JourneyInput,
  type JourneyView,
  type ParticipantRegisteredSignal,
  type PlacedSignal,
  type PlanSignedSignal,
  type PublishPhaseChangedInput,
  type ServiceRecordedSignal,
  type TrainingCompletedSignal,
  type TrainingEnrolledSignal,
} from '@waypoint/journey-workflows';
import { ContractViolationError } from '@waypoint/platform';
import { waitFor } from '@waypoint/platform/testing';

// Builders and a driver for journey workflow tests on the time-skipping server: signals are
// sent with the client, as the bridge sends them; activities record what the workflow asked.

export type HistoryEvent = NonNullable<History['events']>[number];

/**
 * Activities that check and record what the workflow asked for; the first `failures` phase
 * publishes throw (retryable), the first `contractViolations` event batches break their contract.
 */
export function recordingActivities({ failures = 0, contractViolations = 0 } = {}) {
  const phases: PublishPhaseChangedInput[] = [];
  const events: JourneyEventInput[] = [];
  let attempts = 0;
  // The real activities over a publisher that sends nothing: every event the workflow asks
  // for is built and checked against its contract, as in production.
  const real = createJourneyActivities({ publisher: { publish: async () => undefined } });
  const activities: JourneyActivities = {
    async publishPhaseChanged(input) {
      attempts += 1;
      if (attempts <= failures) throw new Error(`broker unavailable (attempt ${attempts})`);
      await real.publishPhaseChanged(input);
      phases.push(input);
    },
    async publishJourneyEvents(batch) {
      if (contractViolations-- > 0) throw new ContractViolationError(`${batch[0]?.type} breaks its contract (injected)`);
      await real.publishJourneyEvents(batch);
      events.push(...batch);
    },
  };
  const ofType = <T extends JourneyEventInput['type']>(type: T) =>
    events.filter((e): e is Extract<JourneyEventInput, { type: T }> => e.type === type);
  return { activities, phases, events, ofType, attempts: () => attempts };
}
export type Recording = ReturnType<typeof recordingActivities>;

const ids = () => ({ eventId: `evt-${randomUUID()}`, correlationId: `corr-${randomUUID()}` });

export const aRegistration = (o: Partial<ParticipantRegisteredSignal> = {}): ParticipantRegisteredSignal => ({
  ...ids(),
  office: 'Springfield American Job Center',
  programsOfInterest: ['WIOA_ADULT', 'SNAP_ET'],
  registeredAt: '2026-03-02T15:04:05.000Z',
  ...o,
});

/** Runs `body` with a journey worker on a queue of its own. */
export async function withJourneyWorker<T>(
  env: TestWorkflowEnvironment,
  workflowBundle: WorkflowBundleWithSourceMap,
  activities: JourneyActivities,
  body: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `journey-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
  return worker.runUntil(body(taskQueue));
}

const CLOSED = [
  'workflowExecutionCompletedEventAttributes',
  'workflowExecutionFailedEventAttributes',
  'workflowExecutionTimedOutEventAttributes',
  'workflowExecutionTerminatedEventAttributes',
  'workflowExecutionCanceledEventAttributes',
  'workflowExecutionContinuedAsNewEventAttributes',
] as const;

/**
 * Nothing in flight: the run has closed, or its last workflow task completed after everything
 * it was sent, and no activity it scheduled is still open.
 */
export function isSettled(events: HistoryEvent[]): boolean {
  if (events.some((e) => CLOSED.some((a) => e[a] != null))) return true;
  let workflowTaskDone = false;
  const openActivities = new Set<string>();
  for (const e of events) {
    if (e.workflowTaskScheduledEventAttributes || e.workflowTaskStartedEventAttributes) workflowTaskDone = false;
    if (e.workflowTaskCompletedEventAttributes) workflowTaskDone = true;
    if (e.activityTaskScheduledEventAttributes) openActivities.add(String(e.eventId));
    const closedActivity =
      e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes ?? e.activityTaskCanceledEventAttributes;
    if (closedActivity) openActivities.delete(String(closedActivity.scheduledEventId));
  }
  return workflowTaskDone && openActivities.size === 0;
}

export const count = (events: HistoryEvent[], attributes: keyof HistoryEvent): number => events.filter((e) => e[attributes] != null).length;

export class WorkflowTaskFailed extends Error {}

/** A participant's journey under test: the client side of what the bridge and gateway do. */
export class JourneyDriver {
  readonly workflowId: string;
  handle!: WorkflowHandle;
  /** The run signal-with-start started (continue-as-new starts others under the same id). */
  firstRunId?: string;

  constructor(
    readonly env: TestWorkflowEnvironment,
    readonly taskQueue: string,
    readonly participantId = `p-${randomUUID()}`,
    readonly input: Partial<JourneyInput> = {},
    readonly workflowType: string = JOURNEY_WORKFLOW_TYPE,
  ) {
    this.workflowId = journeyWorkflowId(participantId);
  }

  /** Today on the test server's clock (UTC), plus `days`. */
  async day(days = 0): Promise<string> {
    return addDays(isoDateOf(new Date(await this.env.currentTimeMs())), days);
  }

  /** What the bridge does for `intake.participant.registered`: signal-with-start. */
  async register(registration = aRegistration()): Promise<ParticipantRegisteredSignal> {
    const input: JourneyInput = { participantId: this.participantId, correlationId: registration.correlationId, ...this.input };
    const handle = await this.env.client.workflow.signalWithStart(this.workflowType, {
      workflowId: this.workflowId,
      taskQueue: this.taskQueue,
      args: [input],
      signal: participantRegisteredSignal,
      signalArgs: [registration],
    });
    this.handle = handle;
    this.firstRunId = this.firstRunId ?? handle.signaledRunId;
    await this.settled();
    return registration;
  }

  async enroll(o: Partial<Omit<EnrolledSignal, 'rules'>> & { rules?: Partial<JourneyRules> } = {}): Promise<EnrolledSignal> {
    const { rules, ...rest } = o;
    const signal: EnrolledSignal = {
      ...ids(),
      enrollmentId: `enr-${randomUUID()}`,
      program: 'WIOA_ADULT',
      enrolledOn: await this.day(),
      ...rest,
      rules: { ...DEFAULT_JOURNEY_RULES, ...rules },
    };
    return this.send(enrolledSignal, signal);
  }

  async assess(o: Partial<AssessmentCompletedSignal> = {}): Promise<AssessmentCompletedSignal> {
    return this.send(assessmentCompletedSignal, {
      ...ids(),
      assessmentId: `asm-${randomUUID()}`,
      kind: 'job_readiness',
      completedAt: new Date(await this.env.currentTimeMs()).toISOString(),
      reassessmentDueOn: await this.day(180),
      ...o,
    });
  }

  async signPlan(o: Partial<PlanSignedSignal> = {}): Promise<PlanSignedSignal> {
    return this.send(planSignedSignal, { ...ids(), planId: `plan-${randomUUID()}`, planVersion: 1, signedAt: new Date(await this.env.currentTimeMs()).toISOString(), ...o });
  }

  async recordService(o: Partial<ServiceRecordedSignal> = {}): Promise<ServiceRecordedSignal> {
    return this.send(serviceRecordedSignal, {
      ...ids(),
      serviceId: `svc-${randomUUID()}`,
      program: 'WIOA_ADULT',
      category: 'career_service',
      service: 'Résumé workshop',
      status: 'delivered',
      startOn: await this.day(),
      ...o,
    });
  }

  async startTraining(o: Partial<TrainingEnrolledSignal> = {}): Promise<TrainingEnrolledSignal> {
    return this.send(trainingEnrolledSignal, {
      ...ids(),
      trainingEnrollmentId: `trn-${randomUUID()}`,
      program: 'WIOA_ADULT',
      course: 'Certified Nursing Assistant',
      startOn: await this.day(),
      ...o,
    });
  }

  async endTraining(trainingEnrollmentId: string, o: Partial<TrainingCompletedSignal> = {}): Promise<TrainingCompletedSignal> {
    return this.send(trainingCompletedSignal, { ...ids(), trainingEnrollmentId, endOn: await this.day(), outcome: 'completed', ...o });
  }

  async place(o: Partial<PlacedSignal> = {}): Promise<PlacedSignal> {
    return this.send(placedSignal, { ...ids(), placementId: `plc-${randomUUID()}`, employer: 'Northside Clinic', startOn: await this.day(), unsubsidized: true, ...o });
  }

  async contact(o: Partial<ContactRecordedSignal> = {}): Promise<ContactRecordedSignal> {
    return this.send(contactRecordedSignal, { ...ids(), contactId: `cnt-${randomUUID()}`, contactType: 'phone', contactOn: await this.day(), followUp: false, ...o });
  }

  /** Sends a signal (as the bridge does) and waits until the workflow has handled it. */
  async send<T>(definition: Parameters<WorkflowHandle['signal']>[0], payload: T): Promise<T> {
    await this.handle.signal(definition as never, payload as never);
    await this.settled();
    return payload;
  }

  /** Moves the server's clock on and waits until the workflow has handled what fell due. */
  async sleep(duration: Parameters<TestWorkflowEnvironment['sleep']>[0]): Promise<void> {
    await this.env.sleep(duration);
    await this.settled();
  }

  /** Ends the journey if it still runs (tests share one server: see `isSettled`). */
  async terminate(): Promise<void> {
    if (!this.handle) return;
    const { status } = await this.env.client.workflow.getHandle(this.workflowId).describe();
    if (status.name === 'RUNNING') await this.env.client.workflow.getHandle(this.workflowId).terminate('test over');
  }

  async state(): Promise<JourneyView> {
    return this.handle.query(journeyStateQuery);
  }

  async history(): Promise<HistoryEvent[]> {
    return (await this.handle.fetchHistory()).events ?? [];
  }

  async settled(): Promise<History> {
    return waitFor(
      `${this.workflowId} settled`,
      async () => {
        const history = await this.env.client.workflow.getHandle(this.workflowId).fetchHistory();
        const failed = [...(history.events ?? [])].reverse().find((e) => e.workflowTaskFailedEventAttributes || e.workflowTaskCompletedEventAttributes)?.workflowTaskFailedEventAttributes;
        // A workflow task that fails is retried for ever: say why at once rather than time out.
        if (failed) throw new WorkflowTaskFailed(failed.failure?.message ?? 'workflow task failed');
        return isSettled(history.events ?? []) ? history : undefined;
      },
      { intervalMs: 50 },
    );
  }
}
