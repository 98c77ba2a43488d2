import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgramsModule } from '../programs/programs.module';
import { intakeSessionSchema, INTAKE_SESSION_MODEL } from './intake-session.schema';
import { IntakeSessionsController } from './intake-sessions.controller';
import { IntakeSessionsRepository } from './intake-sessions.repository';
import { IntakeSessionsService } from './intake-sessions.service';

/** Group intake sessions: one worker registers several people, each with their own record and journey. */
@Module({
  imports: [ParticipantsModule, ProgramsModule, MongooseModule.forFeature([{ name: INTAKE_SESSION_MODEL, schema: intakeSessionSchema }])],
  controllers: [IntakeSessionsController],
  providers: [IntakeSessionsRepository, IntakeSessionsService],
})
export class SessionsModule {}
