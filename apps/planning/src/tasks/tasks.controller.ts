import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  CaseworkAccess,
  completeTaskSchema,
  taskListQuerySchema,
  type CompleteTaskRequest,
  type Page,
  type TaskListQuery,
  type TaskView,
} from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { actorOf } from '../shared/actor';
import { TasksService } from './tasks.service';

/** Tasks and reminders for staff. Roles per CaseworkAccess. */
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @Roles(...CaseworkAccess.readTasks)
  page(@Query(new ZodValidationPipe(taskListQuerySchema)) query: TaskListQuery): Promise<Page<TaskView>> {
    return this.tasks.page(query);
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  @Roles(...CaseworkAccess.completeTasks)
  complete(
    @Param('taskId') taskId: string,
    @Body(new ZodValidationPipe(completeTaskSchema)) body: CompleteTaskRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<TaskView> {
    return this.tasks.complete(taskId, body.note, actorOf(req));
  }

  @Get('participants/:id/tasks')
  @Roles(...CaseworkAccess.readTasks)
  forParticipant(@Param('id') id: string): Promise<TaskView[]> {
    return this.tasks.forParticipant(id);
  }
}
