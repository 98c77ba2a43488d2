import { Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EventPublisher, JsonLogger, ManagedOutboxRelay, OUTBOX_POLL_MS } from '@waypoint/platform';
import { ProgramsModule } from '../programs/programs.module';
import { DocumentWriteLock } from './document-write-lock';
import { journeyProjectionConsumer } from './journey-projection.consumer';
import { participantSchema, PARTICIPANT_MODEL } from './participant.schema';
import { ParticipantsController } from './participants.controller';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsService, PARTICIPANT_OUTBOX } from './participants.service';
import { PiiProtector } from './pii-protector';
import { SearchKeysBackfill } from './search-keys.backfill';

@Module({
  imports: [ProgramsModule, MongooseModule.forFeature([{ name: PARTICIPANT_MODEL, schema: participantSchema }])],
  controllers: [ParticipantsController],
  providers: [
    ParticipantsRepository,
    ParticipantsService,
    PiiProtector,
    SearchKeysBackfill,
    journeyProjectionConsumer,
    DocumentWriteLock,
    // provideOutboxRelay, except that the relay's outbox clearing takes the same
    // per-document write lock as every other writer of participants (DocumentWriteLock).
    {
      provide: PARTICIPANT_OUTBOX,
      inject: [getConnectionToken(), EventPublisher, JsonLogger, OUTBOX_POLL_MS, DocumentWriteLock],
      useFactory: (connection: Connection, publisher: EventPublisher, logger: JsonLogger, intervalMs: number, lock: DocumentWriteLock) =>
        new ManagedOutboxRelay({
          name: 'participants',
          collection: lock.wrap(connection.collection('participants')),
          publisher,
          logger: logger.child('outbox.participants'),
          intervalMs,
        }),
    },
  ],
  exports: [PARTICIPANT_OUTBOX, ParticipantsRepository, ParticipantsService],
})
export class ParticipantsModule {}
