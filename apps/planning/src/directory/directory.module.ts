import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DIRECTORY_ENTRY_MODEL, directoryEntrySchema } from './directory-entry.schema';
import { ParticipantDirectory } from './participant-directory';

/** Planning's participant directory for casework (filled by the casework directory consumer in the root module). */
@Module({
  imports: [MongooseModule.forFeature([{ name: DIRECTORY_ENTRY_MODEL, schema: directoryEntrySchema }])],
  providers: [ParticipantDirectory],
  exports: [ParticipantDirectory],
})
export class DirectoryModule {}
