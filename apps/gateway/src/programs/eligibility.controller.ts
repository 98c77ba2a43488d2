import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { determineEligibilityRequestSchema, IntakeAccess, type EligibilityDeterminationView } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditRead } from '../audit/audit.interceptor';
import { jsonSchema } from '../openapi/json-schema';
import { IntakeForwarder } from '../participants/intake-forwarder';

/** Eligibility for every active program at once; answers hold income and assistance, so reads are audited. */
@ApiTags('eligibility')
@ApiBearerAuth()
@Controller('participants/:id/eligibility')
export class EligibilityController extends IntakeForwarder {
  private path(id: string, rest = ''): string {
    return `/participants/${encodeURIComponent(id)}/eligibility${rest}`;
  }

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeEligibility)
  @ApiBody({ schema: jsonSchema(determineEligibilityRequestSchema), description: 'The one set of answers; every fact is optional (unknown facts leave programs undetermined)' })
  @ApiCreatedResponse({ description: 'The determination: per active program eligible / not_eligible / undetermined, with a reason per rule and the document that would resolve a missing fact' })
  @ApiBadRequestResponse({ description: 'Malformed answers, each with a message; nothing was written' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not determine eligibility' })
  determine(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<EligibilityDeterminationView> {
    return this.forward(req, 'POST', this.path(id), body);
  }

  @Get()
  @Roles(...IntakeAccess.readEligibility)
  @AuditRead('participant.eligibility')
  @ApiOkResponse({ description: 'Every determination of the participant, latest first' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  history(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<EligibilityDeterminationView[]> {
    return this.forward(req, 'GET', this.path(id));
  }

  @Get(':determinationId')
  @Roles(...IntakeAccess.readEligibility)
  @AuditRead('participant.eligibility')
  @ApiOkResponse({ description: 'One determination with its answers and reasons' })
  @ApiNotFoundResponse({ description: 'No such participant or determination' })
  get(@Param('id') id: string, @Param('determinationId') determinationId: string, @Req() req: AuthenticatedRequest): Promise<EligibilityDeterminationView> {
    return this.forward(req, 'GET', this.path(id, `/${encodeURIComponent(determinationId)}`));
  }
}
