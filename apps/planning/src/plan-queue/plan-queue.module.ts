import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { participantDirectoryConsumer } from './participant-directory.consumer';
import { PLAN_QUEUE_ENTRY_MODEL, planQueueEntrySchema } from './plan-queue-entry.schema';
import { PlanQueueController } from './plan-queue.controller';
import { PlanQueueRepository } from './plan-queue.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: PLAN_QUEUE_ENTRY_MODEL, schema: planQueueEntrySchema }])],
  controllers: [PlanQueueController],
  providers: [PlanQueueRepository, participantDirectoryConsumer],
})
export class PlanQueueModule {}
