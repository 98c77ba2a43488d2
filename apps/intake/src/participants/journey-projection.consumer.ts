import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { ConsumerGroups, journeyPhaseChangedV1, Topics } from '@waypoint/contracts';
import { EventConsumer, JsonLogger, KAFKA } from '@waypoint/platform';
import { ParticipantsRepository } from './participants.repository';

/**
 * Keeps the journey phase on each participant current from `journey.phase.changed`, so
 * the participant list never asks Temporal row by row.
 */
@Injectable()
export class JourneyProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: EventConsumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @InjectConnection() connection: Connection,
    logger: JsonLogger,
    private readonly repo: ParticipantsRepository,
  ) {
    this.consumer = new EventConsumer({
      kafka,
      connection,
      groupId: ConsumerGroups.intakeJourneyProjection,
      topics: [Topics.journey],
      logger: logger.child('journey-projection'),
    }).on(journeyPhaseChangedV1, async (event) => {
      const { participantId, phase, sequence, changedAt } = event.data;
      await this.repo.applyJourneyPhase(participantId, phase, sequence, new Date(changedAt));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.close();
  }
}
