import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Client, Connection as TemporalConnection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { ConsumerGroups, participantRegisteredV1, Topics } from '@waypoint/contracts';
import {
  JOURNEY_TASK_QUEUE,
  JOURNEY_WORKFLOW_TYPE,
  journeyWorkflowId,
  participantRegisteredSignal,
  type JourneyInput,
} from '@waypoint/journey-workflows';
import { EventConsumer, JsonLogger, KAFKA, namespaced } from '@waypoint/platform';
import type { JourneyConfig } from '../config';
import { JOURNEY_CONFIG } from '../worker/journey-worker.service';

/**
 * Turns domain events into journey signals. `signalWithStart` creates the participant's
 * workflow on their first event and signals the running one after that; the workflow
 * ignores an event id it has already applied.
 */
@Injectable()
export class JourneyBridgeConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: EventConsumer;
  private temporal?: TemporalConnection;
  private client?: Client;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @InjectConnection() connection: Connection,
    @Inject(JOURNEY_CONFIG) private readonly config: JourneyConfig,
    logger: JsonLogger,
  ) {
    this.consumer = new EventConsumer({
      kafka,
      connection,
      groupId: ConsumerGroups.journeyBridge,
      topics: [Topics.intake],
      logger: logger.child('journey-bridge'),
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
