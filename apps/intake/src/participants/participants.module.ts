import { Module, type OnApplicationBootstrap, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventPublisher, JsonLogger, OutboxRelay } from '@waypoint/platform';
import { journeyProjectionConsumer } from './journey-projection.consumer';
import { participantSchema, PARTICIPANT_MODEL } from './participant.schema';
import { ParticipantsController } from './participants.controller';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsService, PARTICIPANT_OUTBOX } from './participants.service';

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(PARTICIPANT_OUTBOX) private readonly relay: OutboxRelay) {}
  onApplicationBootstrap(): void {
    this.relay.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Module({
  imports: [MongooseModule.forFeature([{ name: PARTICIPANT_MODEL, schema: participantSchema }])],
  controllers: [ParticipantsController],
  providers: [
    ParticipantsRepository,
    ParticipantsService,
    journeyProjectionConsumer,
    {
      provide: PARTICIPANT_OUTBOX,
      inject: [ParticipantsRepository, EventPublisher, JsonLogger, OUTBOX_POLL_MS],
      useFactory: (repo: ParticipantsRepository, publisher: EventPublisher, logger: JsonLogger, intervalMs: number) =>
        new OutboxRelay({ name: 'participants', collection: repo.collection, publisher, logger: logger.child('outbox'), intervalMs }),
    },
    OutboxRelayLifecycle,
  ],
  exports: [PARTICIPANT_OUTBOX, ParticipantsRepository],
})
export class ParticipantsModule {}
