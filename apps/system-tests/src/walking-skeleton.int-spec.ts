import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import {
  journeyPhaseChangedV1,
  Topics,
  type EligibilityDeterminationView,
  type EventEnvelope,
  type JourneyStateView,
  type TaskView,
  type JourneyPhaseChangedV1,
  type Page,
  type ParticipantDetail,
  type ParticipantPage,
  type ParticipantSummary,
} from '@waypoint/contracts';
import { journeyStateQuery, journeyWorkflowId } from '@waypoint/journey-workflows';
import { createKafka } from '@waypoint/platform';
import { TopicReader, waitFor, type ServiceProcess } from '@waypoint/platform/testing';
import { api, signIn, startIntake, startStack } from './stack';

// The walking skeleton end to end, with every part real and in its own process:
// gateway → intake (FerretDB + outbox) → Kafka → journey bridge → Temporal workflow →
// Kafka → intake's journey projection → gateway list; plus the live query by id.
describe('walking skeleton: register a participant and follow their journey', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let token: string;
  let temporal: Connection;
  let client: Client;
  const kafka = createKafka('system-tests', (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','));
  const intakeEvents = new TopicReader(kafka, Topics.intake);
  const journeyEvents = new TopicReader(kafka, Topics.journey);

  beforeAll(async () => {
    stack = await startStack();
    token = await signIn('intake.worker');
    temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
    client = new Client({ connection: temporal });
    await intakeEvents.start();
    await journeyEvents.start();
  }, 180_000);

  afterAll(async () => {
    await intakeEvents.stop();
    await journeyEvents.stop();
    await temporal?.close();
    await Promise.all([stack?.gateway.stop(), stack?.journey.stop(), stack?.planning.stop(), stack?.intake.stop()]);
  });

  const person = (lastName: string) => ({
    firstName: 'Dana',
    lastName,
    dateOfBirth: '1988-07-14',
    email: `${lastName.toLowerCase()}@example.org`,
    office: 'north-ajc',
    programsOfInterest: ['WIOA_ADULT', 'SNAP_ET'],
  });
  // Random letters a-z with no shared prefix: names alike but for a few letters would
  // (rightly) be held as likely duplicates of the same Dana, born the same day.
  const uniqueName = () => Array.from(randomBytes(12), (b, i) => String.fromCharCode((i ? 97 : 65) + (b % 26))).join('');

  async function listByName(lastName: string): Promise<ParticipantSummary[]> {
    const res = await api<Page<ParticipantSummary>>(token, 'GET', `/participants?q=${encodeURIComponent(lastName)}`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  async function journeyState(participantId: string) {
    return client.workflow.getHandle(journeyWorkflowId(participantId)).query(journeyStateQuery);
  }

  it('lists a new participant in phase intake, read live from the workflow on their page', async () => {
    const lastName = uniqueName();
    const correlationId = `corr-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    const created = await api<ParticipantDetail>(token, 'POST', '/participants', person(lastName), {
      'x-correlation-id': correlationId,
      'idempotency-key': idempotencyKey,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The browser retrying the same submission gets the same person back, through the gateway.
    const retried = await api<ParticipantDetail>(token, 'POST', '/participants', person(lastName), { 'idempotency-key': idempotencyKey });
    expect(retried).toMatchObject({ status: 200, body: { id } });

    const [row] = await waitFor('the list to show phase intake', async () => {
      const items = await listByName(lastName);
      return items.length === 1 && items[0].phase === 'intake' && items;
    });
    expect(row).toMatchObject({ id, lastName, office: 'north-ajc', programsOfInterest: ['SNAP_ET', 'WIOA_ADULT'] });

    const page = await api<ParticipantPage>(token, 'GET', `/participants/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.journey).toEqual({ workflowId: `journey-${id}`, phase: 'intake', live: true });

    // One correlation id from the HTTP request, through both events and the workflow.
    const registered = await waitFor('the registered event', () =>
      intakeEvents.json<EventEnvelope>().find((e) => e.participantId === id),
    );
    const phaseChanged = await waitFor('the phase-changed event', () =>
      journeyEvents.json<EventEnvelope<JourneyPhaseChangedV1>>().find((e) => e.participantId === id && e.type === journeyPhaseChangedV1.type),
    );
    expect(registered.correlationId).toBe(correlationId);
    expect(phaseChanged).toMatchObject({
      correlationId,
      causationId: registered.id,
      data: { phase: 'intake', sequence: 1, workflowId: `journey-${id}` },
    });
  });

  it('rejects invalid input with 400 and field messages, and writes nothing', async () => {
    const lastName = uniqueName();
    const res = await api<{ errors: { field: string; message: string }[] }>(token, 'POST', '/participants', {
      ...person(lastName),
      dateOfBirth: '1988-02-31',
      programsOfInterest: ['not a program'],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['dateOfBirth', 'programsOfInterest.0']);
    // Well-formed but not configured: 422 from the program catalogue.
    const unknown = await api<{ errors: { field: string; message: string }[] }>(token, 'POST', '/participants', {
      ...person(lastName),
      programsOfInterest: ['NOT_A_PROGRAM'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e) => e.field)).toEqual(['programsOfInterest.0']);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await listByName(lastName)).toEqual([]);
    expect(intakeEvents.json<EventEnvelope<{ lastName: string }>>().some((e) => e.data.lastName === lastName)).toBe(false);
  });

  it('loses no event when intake dies between its database write and the publish', async () => {
    await stack.intake.stop();
    const doomed: ServiceProcess = await startIntake({ WCM_FAULT: 'intake-after-write' }, 'intake-crash-after-write');
    const lastName = uniqueName();
    const res = await api(token, 'POST', '/participants', person(lastName));
    expect(res.status).toBe(502); // the process died mid-request: the client sees a failure
    expect(await doomed.exited).toBe(-1); // killed by SIGKILL at the fault point
    // Nothing was published yet: the event sits in the participant's outbox.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(intakeEvents.json<EventEnvelope<{ lastName: string }>>().some((e) => e.data.lastName === lastName)).toBe(false);

    stack.intake = await startIntake();
    const [row] = await waitFor('the participant in phase intake after restart', async () => {
      const items = await listByName(lastName);
      return items.length === 1 && items[0].phase === 'intake' && items;
    }, { timeoutMs: 40_000 });
    const state = await journeyState(row.id);
    expect(state.appliedEventIds).toHaveLength(1);
    expect(state.history).toHaveLength(1);
  });

  it('applies an event once when a crash after publishing makes intake send it again', async () => {
    await stack.intake.stop();
    const doomed = await startIntake({ WCM_FAULT: 'outbox-after-publish' }, 'intake-crash-after-publish');
    const lastName = uniqueName();
    await api(token, 'POST', '/participants', person(lastName)).catch(() => undefined);
    expect(await doomed.exited).toBe(-1);

    stack.intake = await startIntake();
    const copies = await waitFor('the registered event delivered twice', () => {
      const found = intakeEvents.json<EventEnvelope<{ lastName: string }>>().filter((e) => e.data.lastName === lastName);
      return found.length >= 2 && found;
    }, { timeoutMs: 40_000 });
    expect(new Set(copies.map((e) => e.id)).size).toBe(1); // same event, delivered at least once (here twice)

    const [row] = await waitFor('the participant in phase intake', async () => {
      const items = await listByName(lastName);
      return items.length === 1 && items[0].phase === 'intake' && items;
    }, { timeoutMs: 40_000 });
    const state = await journeyState(row.id);
    expect(state.appliedEventIds).toEqual([copies[0].id]);
    expect(state.history).toHaveLength(1);
    const phaseEvents = journeyEvents
      .json<EventEnvelope<JourneyPhaseChangedV1>>()
      .filter((e) => e.participantId === row.id && e.type === journeyPhaseChangedV1.type);
    expect(new Set(phaseEvents.map((e) => e.id))).toEqual(new Set([`journey-${row.id}:phase:1`]));
  });

  it('carries an enrolled participant through casework in planning to the journey, the list and the task list', async () => {
    const caseManager = await signIn('case.manager');
    const lastName = uniqueName();
    const created = await api<ParticipantDetail>(token, 'POST', '/participants', person(lastName));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const determination = await api<EligibilityDeterminationView>(caseManager, 'POST', `/participants/${id}/eligibility`, {
      dateOfBirth: '1988-07-14',
      sexAssignedAtBirth: 'female',
      stateOfResidence: 'MN',
      rightToWorkDocumented: true,
    });
    expect(determination.status).toBe(201);
    expect((await api(caseManager, 'POST', `/participants/${id}/enrollments`, { program: 'WIOA_ADULT', determinationId: determination.body.id })).status).toBe(201);

    // Planning learns of the person from intake's event a moment after the registration.
    const today = new Date().toISOString().slice(0, 10);
    const service = { program: 'WIOA_ADULT', category: 'career_service', service: 'Comprehensive assessment interview', status: 'delivered', startOn: today };
    await waitFor('planning to record the service', async () => (await api(caseManager, 'POST', `/participants/${id}/services`, service)).status === 201);

    // journey: enrolled → planning, a counting service → services; the list shows it from intake's projection.
    const planDueOn = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const [row] = await waitFor('the list to show the service and the next deadline', async () => {
      const items = await listByName(lastName);
      return items.length === 1 && items[0].phase === 'services' && items[0].lastServiceOn === today && items;
    }, { timeoutMs: 40_000 });
    expect(row).toMatchObject({ daysSinceLastService: 0, nextDeadline: { dueOn: planDueOn } });

    const journey = await api<JourneyStateView>(caseManager, 'GET', `/participants/${id}/journey`);
    expect(journey.status).toBe(200);
    expect(journey.body).toMatchObject({ phase: 'services', lastServiceOn: today, daysSinceLastService: 0 });
    const planDue = journey.body.openTasks.find((t) => t.kind === 'plan_due');
    expect(planDue).toMatchObject({ dueOn: planDueOn, audience: 'case_manager' });

    // The task the journey opened is in planning's task list (journey.task.opened → planning).
    const tasks = await waitFor('the plan-due task in planning', async () => {
      const res = await api<TaskView[]>(caseManager, 'GET', `/participants/${id}/tasks`);
      return res.status === 200 && res.body.some((t) => t.id === planDue?.taskId) && res.body;
    }, { timeoutMs: 40_000 });
    expect(tasks.find((t) => t.id === planDue?.taskId)).toMatchObject({ kind: 'plan_due', status: 'open', dueOn: planDueOn });
  });
});
