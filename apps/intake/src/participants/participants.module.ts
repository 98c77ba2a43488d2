import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideOutboxRelay } from '@waypoint/platform';
import { ProgramsModule } from '../programs/programs.module';
import { journeyProjectionConsumer } from './journey-projection.consumer';
import { MatchKeyDirectory } from './match-key-directory';
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
    MatchKeyDirectory,
    SearchKeysBackfill,
    journeyProjectionConsumer,
    provideOutboxRelay({ token: PARTICIPANT_OUTBOX, collection: 'participants' }),
  ],
  exports: [PARTICIPANT_OUTBOX, ParticipantsRepository, ParticipantsService],
})
export class ParticipantsModule {}
