import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CaseworkAccess, completeTaskSchema, TASK_AUDIENCES, TASK_PAGE_MAX, TASK_STATUSES, type Page, type TaskView } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { jsonSchema } from '../openapi/json-schema';
import { participantPath, PlanningForwarder } from './planning-forwarder';

/** Tasks and reminders the journey opens in planning (plan due, monthly contact, follow-ups...), and staff complete. */
@ApiTags('casework')
@ApiBearerAuth()
@Controller()
export class TasksController extends PlanningForwarder {
  @Get('tasks')
  @Roles(...CaseworkAccess.readTasks)
  @ApiOperation({
    summary: 'My work: tasks soonest due first, in keyset pages',
    description: 'Filter by audience (case_manager, or supervisor for escalations), office, status (default open) and due date; pass nextCursor back as cursor.',
  })
  @ApiQuery({ name: 'audience', required: false, enum: TASK_AUDIENCES })
  @ApiQuery({ name: 'office', required: false, description: "The participant's office code" })
  @ApiQuery({ name: 'status', required: false, enum: TASK_STATUSES, description: 'Default open' })
  @ApiQuery({ name: 'dueBefore', required: false, description: 'Due on or before this day (YYYY-MM-DD), e.g. today' })
  @ApiQuery({ name: 'limit', required: false, description: `1-${TASK_PAGE_MAX}, default 50` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: 'Page<TaskView>' })
  @ApiBadRequestResponse({ description: 'Unknown or invalid query parameters, or a cursor planning did not issue' })
  @ApiForbiddenResponse({ description: 'Role may not read tasks' })
  page(@Query() query: Record<string, string>, @Req() req: AuthenticatedRequest): Promise<Page<TaskView>> {
    // Passed through whole: planning validates them and rejects unknown ones with 400.
    return this.forward(req, 'GET', `/tasks?${new URLSearchParams(query)}`);
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  @Roles(...CaseworkAccess.completeTasks)
  @ApiOperation({ summary: 'Mark an open task done (who and when are kept in its history)' })
  @ApiBody({ schema: jsonSchema(completeTaskSchema) })
  @ApiOkResponse({ description: 'TaskView, status done' })
  @ApiConflictResponse({ description: 'Already closed: completed by someone, or closed by the journey; nothing was changed' })
  @ApiNotFoundResponse({ description: 'No such task' })
  @ApiForbiddenResponse({ description: 'Role may not complete tasks' })
  complete(@Param('taskId') taskId: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<TaskView> {
    return this.forward(req, 'POST', `/tasks/${encodeURIComponent(taskId)}/complete`, body ?? {});
  }

  @Get('participants/:id/tasks')
  @Roles(...CaseworkAccess.readTasks)
  @ApiTags('participants')
  @ApiOperation({ summary: "The participant's tasks: open ones first, soonest due first" })
  @ApiOkResponse({ description: 'TaskView[]' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not read tasks' })
  forParticipant(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<TaskView[]> {
    return this.forward(req, 'GET', participantPath(id, 'tasks'));
  }
}
