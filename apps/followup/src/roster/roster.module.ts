import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { participantDirectoryConsumer } from './participant-directory.consumer';
import { ROSTER_ENTRY_MODEL, rosterEntrySchema } from './roster-entry.schema';
import { RosterController } from './roster.controller';
import { RosterRepository } from './roster.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: ROSTER_ENTRY_MODEL, schema: rosterEntrySchema }])],
  controllers: [RosterController],
  providers: [RosterRepository, participantDirectoryConsumer],
})
export class RosterModule {}
