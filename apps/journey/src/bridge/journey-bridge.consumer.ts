import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Client, Connection as TemporalConnection, WorkflowNotFoundError } from '@temporalio/client';
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
 * Turns domain events into journey signals. The registration starts the participant's
 * workflow (signal-with-start); every later event signals the running one, and the workflow
 * ignores an event id it has already applied. An event for a journey that is not running
 * (closed after its follow-up year, or never registered) starts nothing: it is logged and
 * skipped, never turned into a new journey.
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
    }).on(participantRegisteredV1, async (event) => {
      const input: JourneyInput = { participantId: event.participantId, correlationId: event.correlationId };
      await this.temporalClient().workflow.signalWithStart(JOURNEY_WORKFLOW_TYPE, {
        workflowId: journeyWorkflowId(event.participantId),
        taskQueue: namespaced(JOURNEY_TASK_QUEUE),
        args: [input],
        signal: participantRegisteredSignal,
        signalArgs: [
          {
            eventId: event.id,
            correlationId: event.correlationId,
            office: event.data.office,
            programsOfInterest: event.data.programsOfInterest,
            registeredAt: event.data.registeredAt,
          },
        ],
        memo: { correlationId: event.correlationId },
      });
    });
    for (const route of JOURNEY_SIGNAL_ROUTES) this.route(route);
  }

  private route<TData, TSignal>(route: SignalRoute<TData, TSignal>): void {
    this.consumer.on(route.contract as EventContract<string, TData>, (event) => this.signal(event, route.signal, route.toSignal(event)));
  }

  private async signal<TSignal>(event: EventEnvelope<unknown>, signal: SignalDefinition<[TSignal]>, args: TSignal): Promise<void> {
    const workflowId = journeyWorkflowId(event.participantId);
    try {
      await this.temporalClient().workflow.getHandle(workflowId).signal(signal, args);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      this.log.warn('no running journey for this event: skipped', {
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
