import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Client, Connection as TemporalConnection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import {
  ConsumerGroups,
  participantRegisteredV1,
  type EventContract,
  type EventEnvelope,
} from '@waypoint/contracts';
import {
  JOURNEY_TASK_QUEUE,
  JOURNEY_WORKFLOW_TYPE,
  journeyWorkflowId,
  participantRegisteredSignal,
  type JourneyInput,
} from '@waypoint/journey-workflows';
import { EventConsumer, JsonLogger, KAFKA, namespaced, type ComponentLogger } from '@waypoint/platform';
import type { JourneyConfig } from '../config';
import { JOURNEY_CONFIG } from '../worker/journey-worker.service';
import { BRIDGED_TOPICS, JOURNEY_SIGNAL_ROUTES, type SignalRoute } from './signal-routes';

/**
 * Turns domain events into journey signals. Every event is delivered with signal-with-start:
 * intake's outboxes publish a person's registration, enrollments and assessments
 * independently, so an enrollment may reach Kafka before the registration; the journey then
 * starts from whichever comes first and applies the rest as they arrive (the workflow
 * ignores an event id it has already applied). A journey that has closed (after its
 * follow-up year) is never started again: the id may not be reused, and an event for it is
 * logged and skipped.
 */
@Injectable()
export class JourneyBridgeConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: EventConsumer;
  private temporal?: TemporalConnection;
  private client?: Client;
  private readonly log: ComponentLogger;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @InjectConnection() connection: Connection,
    @Inject(JOURNEY_CONFIG) private readonly config: JourneyConfig,
    logger: JsonLogger,
  ) {
    this.log = logger.child('journey-bridge');
    this.consumer = new EventConsumer({
      kafka,
      connection,
      groupId: ConsumerGroups.journeyBridge,
      topics: [...BRIDGED_TOPICS],
      logger: this.log,
      // Temporal unreachable for a while (a deploy, a restart) is retried for minutes before
      // the event is dead-lettered with the reason.
      maxAttempts: 10,
      retryBackoffMs: 500,
    }).on(participantRegisteredV1, (event) =>
      this.deliver(event, participantRegisteredSignal, {
        eventId: event.id,
        correlationId: event.correlationId,
        office: event.data.office,
        programsOfInterest: event.data.programsOfInterest,
        registeredAt: event.data.registeredAt,
      }),
    );
    for (const route of JOURNEY_SIGNAL_ROUTES) this.route(route);
  }

  private route<TData, TSignal>(route: SignalRoute<TData, TSignal>): void {
    this.consumer.on(route.contract as EventContract<string, TData>, (event) => this.deliver(event, route.signal, route.toSignal(event)));
  }

  private async deliver<TSignal>(event: EventEnvelope<unknown>, signal: SignalDefinition<[TSignal]>, args: TSignal): Promise<void> {
    const workflowId = journeyWorkflowId(event.participantId);
    const input: JourneyInput = { participantId: event.participantId, correlationId: event.correlationId };
    try {
      await this.temporalClient().workflow.signalWithStart(JOURNEY_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: namespaced(JOURNEY_TASK_QUEUE),
        args: [input],
        signal,
        signalArgs: [args],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        memo: { correlationId: event.correlationId },
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      this.log.warn('the journey has closed: event skipped', {
        eventId: event.id,
        type: event.type,
        workflowId,
        correlationId: event.correlationId,
      });
    }
  }

  private temporalClient(): Client {
    if (!this.client) throw new Error('Temporal client not connected');
    return this.client;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.temporal = await TemporalConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.client = new Client({ connection: this.temporal, namespace: this.config.TEMPORAL_NAMESPACE });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.close();
    await this.temporal?.close();
  }
}
