import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { Admin, Kafka } from 'kafkajs';
import type { Connection as MongooseConnection } from 'mongoose';
import {
  ConsumerGroups,
  journeyPhaseChangedV1,
  participantEnrolledV1,
  participantRegisteredV1,
  serviceRecordedV1,
  Topics,
  type EventEnvelope,
  type JourneyPhaseChangedV1,
  type ParticipantRegisteredV1,
} from '@waypoint/contracts';
import { journeyStateQuery, journeyWorkflowId } from '@waypoint/journey-workflows';
import { createEvent, createHttpApp, createKafka, EventPublisher, JsonLogger, namespaced } from '@waypoint/platform';
import { TopicReader, waitFor, type ReadMessage } from '@waypoint/platform/testing';
import { JourneyAppModule } from './app.module';
import { JOURNEY_SIGNAL_ROUTES } from './bridge/signal-routes';
import { sampleEventData } from './bridge/sample-events.fixture';
import { loadJourneyConfig } from './config';

// The journey process in-process against the real engines: Kafka in, the bridge, the Temporal
// worker on the dev server, Kafka out. Topics, consumer group and task queue are namespaced
// (`test`, set by the Jest set-up), so a running demo stack is not disturbed.
describe('journey process', () => {
  const config = loadJourneyConfig();
  const kafka: Kafka = createKafka('journey-int-spec', config.KAFKA_BROKERS);
  const publisher = new EventPublisher(kafka);
  const intakeEvents = new TopicReader(kafka, Topics.intake);
  const journeyEvents = new TopicReader(kafka, Topics.journey);
  let admin: Admin;
  let app: INestApplication;
  let baseUrl: string;
  let temporal: Connection;
  let client: Client;
  const startedWorkflows: string[] = [];

  beforeAll(async () => {
    const logger = new JsonLogger('journey', 'error');
    app = await createHttpApp(JourneyAppModule.register(config, logger), logger);
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    temporal = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    client = new Client({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE });
    admin = kafka.admin();
    await Promise.all([admin.connect(), intakeEvents.start(), journeyEvents.start()]);
  }, 120_000);

  afterAll(async () => {
    // Journeys wait for years; do not leave this file's ones on the shared dev server.
    await Promise.all(startedWorkflows.map((id) => client?.workflow.getHandle(id).terminate('test finished').catch(() => undefined)));
    await Promise.all([intakeEvents.stop(), journeyEvents.stop(), admin?.disconnect(), publisher.disconnect()]);
    await temporal?.close();
    await app?.close();
  });

  function aRegisteredEvent(participantId: string): EventEnvelope<ParticipantRegisteredV1> {
    return createEvent(
      participantRegisteredV1,
      participantId,
      {
        participantId,
        firstName: 'Jordan',
        lastName: 'Rivera',
        dateOfBirth: '1990-05-17',
        office: 'riverside-ajc',
        programsOfInterest: ['WIOA_ADULT'],
        registeredAt: new Date().toISOString(),
        registeredBy: 'intake.worker',
      },
      { actor: { type: 'staff', id: 'u-intake-worker' }, correlationId: `corr-${randomUUID()}` },
    );
  }

  const copiesOf = (eventId: string): ReadMessage[] => intakeEvents.messages.filter((m) => m.headers['event-id'] === eventId);

  /** Resolves once the bridge's consumer group has committed past `message` (whichever member took it). */
  async function bridgeConsumed(message: ReadMessage): Promise<void> {
    await waitFor(
      `the journey bridge to commit past ${message.topic}[${message.partition}]@${message.offset}`,
      async () => {
        const [topic] = await admin.fetchOffsets({ groupId: namespaced(ConsumerGroups.journeyBridge), topics: [message.topic] });
        const committed = topic?.partitions.find((p) => p.partition === message.partition)?.offset;
        return committed !== undefined && BigInt(committed) > BigInt(message.offset);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  /** Publishes a registration for a new participant and waits for their journey to reach intake. */
  async function registerParticipant() {
    const participantId = `p-${randomUUID()}`;
    const workflowId = journeyWorkflowId(participantId);
    const registered = aRegisteredEvent(participantId);
    startedWorkflows.push(workflowId);
    await publisher.publish([{ topic: participantRegisteredV1.topic, envelope: registered }]);
    const handle = client.workflow.getHandle(workflowId);
    const state = await waitFor(
      `${workflowId} in intake`,
      async () => {
        const s = await handle.query(journeyStateQuery);
        return s.phase === 'intake' ? s : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    return { participantId, workflowId, registered, handle, state };
  }

  async function historyEvents(handle: WorkflowHandle) {
    return (await handle.fetchHistory()).events ?? [];
  }

  /** The activities a history scheduled, by type: the registration's phase change and status, nothing more for a repeat. */
  const activitiesScheduled = (events: Awaited<ReturnType<typeof historyEvents>>): string[] =>
    events.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name ?? '?'] : []));

  it('starts the participant journey from intake.participant.registered and publishes journey.phase.changed', async () => {
    const { participantId, workflowId, registered, state } = await registerParticipant();

    expect(state).toMatchObject({ participantId, sequence: 1, office: 'riverside-ajc', appliedEventIds: [registered.id] });
    const phaseChanged = await waitFor(
      `journey.phase.changed for ${participantId}`,
      () =>
        journeyEvents
          .json<EventEnvelope<JourneyPhaseChangedV1>>()
          .find((e) => e.type === journeyPhaseChangedV1.type && e.participantId === participantId),
      { timeoutMs: 30_000 },
    );
    expect(phaseChanged).toMatchObject({
      id: `${workflowId}:phase:1`,
      version: 1,
      correlationId: registered.correlationId,
      causationId: registered.id,
      actor: { type: 'system', id: 'journey' },
      data: { participantId, workflowId, phase: 'intake', sequence: 1 },
    });
  });

  it('leaves the journey as it is when the registration is published again', async () => {
    const { registered, handle } = await registerParticipant();

    await publisher.publish([{ topic: participantRegisteredV1.topic, envelope: registered }]);
    const [, again] = await waitFor(`two copies of ${registered.id} on the intake topic`, () => {
      const copies = copiesOf(registered.id);
      return copies.length === 2 ? copies : undefined;
    });
    await bridgeConsumed(again);

    const state = await handle.query(journeyStateQuery);
    expect(state.history).toHaveLength(1);
    expect(state.appliedEventIds).toEqual([registered.id]);
    expect(activitiesScheduled(await historyEvents(handle)).sort()).toEqual(['publishJourneyEvents', 'publishPhaseChanged']);
  });

  it('leaves the journey as it is when the bridge signals the same registration twice', async () => {
    const { registered, handle } = await registerParticipant();
    // The bridge crashed after signalling but before recording the event as processed, so
    // the redelivered copy reaches the workflow: its own event-id check must hold.
    // (EventConsumer keeps `<group>:<event id>` in the service's processed_events collection.)
    const processedEvents = app.get<MongooseConnection>(getConnectionToken()).collection<{ _id: string }>('processed_events');
    const forgotten = await processedEvents.deleteOne({ _id: `${ConsumerGroups.journeyBridge}:${registered.id}` });
    expect(forgotten.deletedCount).toBe(1);

    await publisher.publish([{ topic: participantRegisteredV1.topic, envelope: registered }]);
    await waitFor(
      'the second registration signal to be handled',
      async () => {
        const events = await historyEvents(handle);
        const signals = events.filter((e) => e.workflowExecutionSignaledEventAttributes).length;
        return signals === 2 && events.at(-1)?.workflowTaskCompletedEventAttributes != null;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    const state = await handle.query(journeyStateQuery);
    expect(state.history).toHaveLength(1);
    expect(state.appliedEventIds).toEqual([registered.id]);
    expect(activitiesScheduled(await historyEvents(handle)).sort()).toEqual(['publishJourneyEvents', 'publishPhaseChanged']);
  });

  it('forwards the events of intake, planning, training, matching and follow-up to the journey as signals', async () => {
    const { participantId, handle } = await registerParticipant();
    const events = JOURNEY_SIGNAL_ROUTES.map((route) =>
      createEvent(route.contract, participantId, sampleEventData(route.contract.type, participantId), {
        actor: { type: 'staff', id: 'u-case-manager' },
      }),
    );

    await publisher.publish(events.map((envelope, i) => ({ topic: JOURNEY_SIGNAL_ROUTES[i].contract.topic, envelope })));

    const signalled = await waitFor(
      `${events.length} more signals on ${handle.workflowId}`,
      async () => {
        const received = (await historyEvents(handle)).flatMap((e) => (e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes] : []));
        return received.length >= events.length + 1 ? received : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // Each event arrives as its route's signal, carrying the event's id (the workflow's dedupe key).
    const byEventId = new Map(
      signalled.map((s) => {
        const [payload] = s.input?.payloads ?? [];
        const arg = JSON.parse(Buffer.from(payload?.data ?? new Uint8Array()).toString('utf8')) as { eventId: string };
        return [arg.eventId, s.signalName];
      }),
    );
    events.forEach((event, i) => expect([event.type, byEventId.get(event.id)]).toEqual([event.type, JOURNEY_SIGNAL_ROUTES[i].signal.name]));
  });

  /** Publishes `envelope` and waits until the bridge has consumed it. */
  async function publishAndConsume(envelope: EventEnvelope<unknown>, topic: string): Promise<void> {
    const reader = new TopicReader(kafka, topic);
    await reader.start();
    try {
      await publisher.publish([{ topic, envelope }]);
      const message = await waitFor(`${envelope.id} on ${topic}`, () => reader.messages.find((m) => m.headers['event-id'] === envelope.id));
      await bridgeConsumed(message);
    } finally {
      await reader.stop();
    }
  }

  it('starts the journey from an enrollment that reaches Kafka before the registration, and applies both', async () => {
    // Intake's outboxes relay the registration and the enrollment independently: either may come first.
    const participantId = `p-${randomUUID()}`;
    const workflowId = journeyWorkflowId(participantId);
    startedWorkflows.push(workflowId);
    const enrolled = createEvent(participantEnrolledV1, participantId, sampleEventData(participantEnrolledV1.type, participantId));
    const registered = aRegisteredEvent(participantId);

    await publisher.publish([{ topic: participantEnrolledV1.topic, envelope: enrolled }]);
    await publisher.publish([{ topic: participantRegisteredV1.topic, envelope: registered }]);

    const handle = client.workflow.getHandle(workflowId);
    const state = await waitFor(
      `${workflowId} to apply both events`,
      async () => {
        const s = await handle.query(journeyStateQuery).catch(() => undefined);
        return s && s.appliedEventIds.length === 2 ? s : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(state).toMatchObject({ phase: 'planning', office: 'riverside-ajc', enrollments: [{ program: 'WIOA_ADULT' }] });
    // Both arrived before the workflow's first task; the SDK hands buffered signals over in the
    // order the handlers are set (registration first), which the phases do not depend on.
    expect([...state.appliedEventIds].sort()).toEqual([enrolled.id, registered.id].sort());
  });

  it('never starts a closed journey again: a late event for it is skipped', async () => {
    const { participantId, handle } = await registerParticipant();
    await handle.terminate('closed for the test');
    const { runId } = await handle.describe();

    await publishAndConsume(createEvent(serviceRecordedV1, participantId, sampleEventData(serviceRecordedV1.type, participantId)), Topics.planning);

    const after = await handle.describe();
    expect([after.runId, after.status.name]).toEqual([runId, 'TERMINATED']);
  });

  it('reports the Temporal worker in GET /health', async () => {
    const res = await fetch(`${baseUrl}/health`);

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      service: 'journey',
      checks: { 'temporal-worker': { status: 'up' }, kafka: { status: 'up' }, mongo: { status: 'up' } },
    });
  });
});
