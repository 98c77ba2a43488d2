import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  IntakeAccess,
  linkSessionAttendeeSchema,
  openIntakeSessionSchema,
  registerParticipantSchema,
  type IntakeSessionDetail,
  type IntakeSessionList,
  type IntakeSessionSummary,
  type ParticipantDetail,
  type SessionAttendee,
} from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { jsonSchema } from '../openapi/json-schema';
import { forwardRegistration } from '../participants/participants.controller';
import { IntakeForwarder } from '../participants/intake-forwarder';

/** Group intake sessions: one worker registers several people, each with their own record and journey. */
@ApiTags('intake sessions')
@ApiBearerAuth()
@Controller('sessions')
export class IntakeSessionsController extends IntakeForwarder {
  private path(id: string, rest = ''): string {
    return `/sessions/${encodeURIComponent(id)}${rest}`;
  }

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({ summary: 'Open a group intake session (the facilitator is the signed-in worker)' })
  @ApiBody({ schema: jsonSchema(openIntakeSessionSchema) })
  @ApiCreatedResponse({ description: 'IntakeSessionSummary' })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown office' })
  @ApiForbiddenResponse({ description: 'Role may not run intake sessions' })
  open(@Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<IntakeSessionSummary> {
    return this.forward(req, 'POST', '/sessions', body);
  }

  @Get()
  @Roles(...IntakeAccess.readPeople)
  @ApiOperation({ summary: 'Sessions, open ones first, then the latest (at most 100)' })
  @ApiQuery({ name: 'office', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed'] })
  @ApiOkResponse({ description: 'IntakeSessionList' })
  list(@Query() query: Record<string, string>, @Req() req: AuthenticatedRequest): Promise<IntakeSessionList> {
    return this.forward(req, 'GET', `/sessions?${new URLSearchParams(query)}`);
  }

  @Get(':id')
  @Roles(...IntakeAccess.readPeople)
  @ApiOperation({ summary: 'A session with its attendees (registered in it, or linked as already on file)' })
  @ApiOkResponse({ description: 'IntakeSessionDetail' })
  @ApiNotFoundResponse({ description: 'No such session' })
  detail(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<IntakeSessionDetail> {
    return this.forward(req, 'GET', this.path(id));
  }

  @Post(':id/registrations')
  @HttpCode(201)
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({
    summary: 'Register a new person into the session',
    description: 'Same body, duplicate rules and Idempotency-Key as POST /participants; the registered event carries the sessionId and the person gets their own journey.',
  })
  @ApiBody({ schema: jsonSchema(registerParticipantSchema) })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'One per form submission' })
  @ApiCreatedResponse({ description: 'ParticipantDetail' })
  @ApiConflictResponse({ description: 'The session is closed, or the person looks like someone on file without a duplicateReview (DuplicateConflictBody). Nothing was written.' })
  @ApiNotFoundResponse({ description: 'No such session' })
  register(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ParticipantDetail> {
    return forwardRegistration(this.services, this.config, req, res, this.path(id, '/registrations'), body, idempotencyKey);
  }

  @Post(':id/attendees')
  @HttpCode(200)
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({ summary: 'Add a person already on file to the session (the choice to link instead of registering)' })
  @ApiBody({ schema: jsonSchema(linkSessionAttendeeSchema) })
  @ApiOkResponse({ description: 'SessionAttendee (repeating it changes nothing)' })
  @ApiConflictResponse({ description: 'The session is closed' })
  @ApiUnprocessableEntityResponse({ description: 'No such participant' })
  link(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<SessionAttendee> {
    return this.forward(req, 'POST', this.path(id, '/attendees'), body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({ summary: 'Close the session: no more registrations or links' })
  @ApiOkResponse({ description: 'IntakeSessionSummary, status closed' })
  @ApiConflictResponse({ description: 'Already closed' })
  close(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<IntakeSessionSummary> {
    return this.forward(req, 'POST', this.path(id, '/close'));
  }
}
