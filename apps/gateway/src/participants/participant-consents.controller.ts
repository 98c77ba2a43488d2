import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CONSENT_MAX_YEARS,
  IntakeAccess,
  recordConsentSchema,
  revokeConsentSchema,
  type ConsentList,
  type ConsentView,
} from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditRead } from '../audit/audit.interceptor';
import { jsonSchema } from '../openapi/json-schema';
import { IntakeForwarder } from './intake-forwarder';

/** Consents and releases of information: which partner may see what about the person, until when. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants/:id/consents')
export class ParticipantConsentsController extends IntakeForwarder {
  private path(id: string, rest = ''): string {
    return `/participants/${encodeURIComponent(id)}/consents${rest}`;
  }

  @Get()
  @Roles(...IntakeAccess.readConsents)
  @AuditRead('participant.consents')
  @ApiOperation({ summary: "The participant's consents with their status today (active, expired, revoked)" })
  @ApiOkResponse({ description: 'ConsentList' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not read consents' })
  list(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ConsentList> {
    return this.forward(req, 'GET', this.path(id));
  }

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeConsents)
  @ApiOperation({
    summary: 'Record a signed consent / release of information',
    description: `expiresOn must be after grantedOn and at most ${CONSENT_MAX_YEARS} years later; grantedOn not in the future. Publishes intake.consent.recorded.`,
  })
  @ApiBody({ schema: jsonSchema(recordConsentSchema) })
  @ApiCreatedResponse({ description: 'ConsentView' })
  @ApiBadRequestResponse({ description: 'Invalid fields or dates; nothing was written' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not record consents' })
  record(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<ConsentView> {
    return this.forward(req, 'POST', this.path(id), body);
  }

  @Post(':consentId/revoke')
  @HttpCode(200)
  @Roles(...IntakeAccess.writeConsents)
  @ApiOperation({ summary: 'Revoke a consent (it stays on record, with who, when and why)' })
  @ApiBody({ schema: jsonSchema(revokeConsentSchema) })
  @ApiOkResponse({ description: 'ConsentView, status revoked' })
  @ApiConflictResponse({ description: 'Already revoked' })
  @ApiNotFoundResponse({ description: 'No such participant or consent' })
  @ApiForbiddenResponse({ description: 'Role may not revoke consents' })
  revoke(
    @Param('id') id: string,
    @Param('consentId') consentId: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
  ): Promise<ConsentView> {
    return this.forward(req, 'POST', this.path(id, `/${encodeURIComponent(consentId)}/revoke`), body);
  }
}
