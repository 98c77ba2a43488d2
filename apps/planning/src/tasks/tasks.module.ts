import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CaseFileModule } from '../case-file/case-file.module';
import { DirectoryModule } from '../directory/directory.module';
import { journeyTasksConsumer } from './journey-tasks.consumer';
import { TASK_MODEL, taskSchema } from './task.schema';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [DirectoryModule, CaseFileModule, MongooseModule.forFeature([{ name: TASK_MODEL, schema: taskSchema }])],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService, journeyTasksConsumer],
  exports: [TasksService],
})
export class TasksModule {}
