import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CaseworkAccess, recordContactSchema, type ContactView } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditRead } from '../audit/audit.interceptor';
import { jsonSchema } from '../openapi/json-schema';
import { IDEMPOTENCY_KEY_HEADER, participantPath, PlanningForwarder } from './planning-forwarder';

/** Case-management contacts with a participant, owned by planning. */
@ApiTags('casework')
@ApiBearerAuth()
@Controller('participants/:id/contacts')
export class ParticipantContactsController extends PlanningForwarder {
  @Post()
  @HttpCode(201)
  @Roles(...CaseworkAccess.recordContacts)
  @ApiOperation({
    summary: 'Record a case-management contact (the monthly contact)',
    description: 'contactOn not in the future; summary is a line, the story belongs in a case note. Resets the monthly-contact clock, not the exit clock. Publishes planning.contact.recorded.',
  })
  @ApiBody({ schema: jsonSchema(recordContactSchema) })
  @ApiCreatedResponse({ description: 'ContactView' })
  @ApiBadRequestResponse({ description: 'Invalid fields; nothing was written' })
  @ApiUnprocessableEntityResponse({ description: 'A contact dated in the future; nothing was written' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not record contacts' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ description: 'A retry of a submission already recorded (header Idempotent-Replayed: true)' })
  record(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContactView> {
    return this.forwardWithHeaders(req, res, 'POST', participantPath(id, 'contacts'), body, { 'idempotency-key': idempotencyKey });
  }

  @Get()
  @Roles(...CaseworkAccess.readContacts)
  @AuditRead('participant.contacts')
  @ApiOperation({ summary: "The participant's contacts, newest first (audited read)" })
  @ApiOkResponse({ description: 'ContactView[]' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not read contacts' })
  list(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ContactView[]> {
    return this.forward(req, 'GET', participantPath(id, 'contacts'));
  }
}
