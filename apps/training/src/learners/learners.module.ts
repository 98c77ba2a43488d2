import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LEARNER_MODEL, learnerSchema } from './learner.schema';
import { LearnersController } from './learners.controller';
import { LearnersRepository } from './learners.repository';
import { participantDirectoryConsumer } from './participant-directory.consumer';

@Module({
  imports: [MongooseModule.forFeature([{ name: LEARNER_MODEL, schema: learnerSchema }])],
  controllers: [LearnersController],
  providers: [LearnersRepository, participantDirectoryConsumer],
})
export class LearnersModule {}
