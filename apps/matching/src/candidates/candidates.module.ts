import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CANDIDATE_MODEL, candidateSchema } from './candidate.schema';
import { CandidatesController } from './candidates.controller';
import { CandidatesRepository } from './candidates.repository';
import { participantDirectoryConsumer } from './participant-directory.consumer';

@Module({
  imports: [MongooseModule.forFeature([{ name: CANDIDATE_MODEL, schema: candidateSchema }])],
  controllers: [CandidatesController],
  providers: [CandidatesRepository, participantDirectoryConsumer],
})
export class CandidatesModule {}
