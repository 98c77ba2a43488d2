import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
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
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CaseworkAccess, changeServiceStatusSchema, recordServiceSchema, type ServiceView } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { jsonSchema } from '../openapi/json-schema';
import { IDEMPOTENCY_KEY_HEADER, participantPath, PlanningForwarder } from './planning-forwarder';

const RULES =
  'Delivered and in-progress services do not start in the future (a delivered one does not end in the future either); scheduled ones do not start in the past; no service ends before it starts.';

/** Services given to a participant, owned by planning: recorded, moved through their statuses, listed. */
@ApiTags('casework')
@ApiBearerAuth()
@Controller('participants/:id/services')
export class ParticipantServicesController extends PlanningForwarder {
  @Post()
  @HttpCode(201)
  @Roles(...CaseworkAccess.recordServices)
  @ApiOperation({
    summary: 'Record a service given, started or scheduled',
    description: `${RULES} Categories self_service, information_only, follow_up and case_management do not hold the 90-day exit off. Publishes planning.service.recorded. ETag carries the version.`,
  })
  @ApiBody({ schema: jsonSchema(recordServiceSchema) })
  @ApiCreatedResponse({ description: 'ServiceView' })
  @ApiBadRequestResponse({ description: 'Invalid fields; nothing was written' })
  @ApiUnprocessableEntityResponse({ description: 'Dates that break a rule, each with its field; nothing was written' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not record services' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'A retry of a submission already recorded (header Idempotent-Replayed: true)' })
  record(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ServiceView> {
    return this.forwardWithHeaders(req, res, 'POST', participantPath(id, 'services'), body, { 'idempotency-key': idempotencyKey });
  }

  @Patch(':serviceId')
  @Roles(...CaseworkAccess.recordServices)
  @ApiOperation({
    summary: "Change a service's status",
    description: `scheduled → in_progress, delivered or cancelled; in_progress → delivered or cancelled; delivered and cancelled are final. The service's own status again corrects its dates (or moves a scheduled one to another day): give the corrected startOn/endOn and a note saying why. Give startOn when a scheduled service started on another day, endOn for its last day (an in-progress service delivered without one ends today). ${RULES} Each change is a new history entry with who and when. Send the version read as If-Match (or \`version\`). Publishes planning.service.recorded.`,
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) read, e.g. "2"; or give `version` in the body' })
  @ApiBody({ schema: jsonSchema(changeServiceStatusSchema) })
  @ApiOkResponse({ description: 'ServiceView after the change, with its new version (ETag)' })
  @ApiBadRequestResponse({ description: 'Invalid fields; nothing was written' })
  @ApiConflictResponse({ description: 'Stale version: someone changed the service since it was read (VersionConflictBody); nothing was written' })
  @ApiUnprocessableEntityResponse({ description: 'A transition not allowed (named), or dates that break a rule; nothing was written' })
  @ApiNotFoundResponse({ description: 'No such service for this participant' })
  @ApiForbiddenResponse({ description: 'Role may not record services' })
  changeStatus(
    @Param('id') id: string,
    @Param('serviceId') serviceId: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ServiceView> {
    return this.forwardWithHeaders(req, res, 'PATCH', participantPath(id, `services/${encodeURIComponent(serviceId)}`), body, { 'if-match': ifMatch });
  }

  @Get()
  @Roles(...CaseworkAccess.readServices)
  @ApiOperation({ summary: "The participant's services, newest first, each with its history" })
  @ApiOkResponse({ description: 'ServiceView[]' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not read services' })
  list(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ServiceView[]> {
    return this.forward(req, 'GET', participantPath(id, 'services'));
  }
}
