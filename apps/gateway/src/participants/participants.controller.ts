import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiForbiddenResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  registerParticipantSchema,
  type Page,
  type ParticipantDetail,
  type ParticipantPage,
  type ParticipantSummary,
} from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { jsonSchema } from '../openapi/json-schema';
import { JourneyQueryService } from './journey-query.service';
import { ServiceClient } from './service-client';

export const REGISTER_ROLES = ['intake_worker', 'case_manager', 'admin'] as const;
export const READ_ROLES = ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'] as const;

/** Participants, owned by the intake service; the gateway authorises, audits and forwards. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants')
export class ParticipantsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly journeys: JourneyQueryService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...REGISTER_ROLES)
  @ApiBody({ schema: jsonSchema(registerParticipantSchema) })
  @ApiCreatedResponse({ description: 'Registered; the journey starts within seconds' })
  @ApiBadRequestResponse({ description: 'Invalid fields, each with a message; nothing was written' })
  @ApiForbiddenResponse({ description: 'Role may not register participants' })
  register(@Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<ParticipantDetail> {
    // Validated by intake, the owner of the rule, against the same contract schema.
    return this.services.request(this.config.INTAKE_URL, req.user, 'POST', '/participants', body);
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiQuery({ name: 'limit', required: false, description: '1-200, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'q', required: false, description: 'Name search: every word must start a word of the first or last name' })
  @ApiQuery({ name: 'office', required: false })
  list(@Query() query: Record<string, string>, @Req() req: AuthenticatedRequest): Promise<Page<ParticipantSummary>> {
    // Passed through whole: intake validates them and rejects unknown ones with 400.
    const params = new URLSearchParams(query);
    return this.services.request(this.config.INTAKE_URL, req.user, 'GET', `/participants?${params}`);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  async get(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ParticipantPage> {
    const [participant, journey] = await Promise.all([
      this.services.request<ParticipantDetail>(this.config.INTAKE_URL, req.user, 'GET', `/participants/${encodeURIComponent(id)}`),
      this.journeys.state(id),
    ]);
    return {
      participant,
      journey: {
        workflowId: journey.workflowId,
        phase: journey.state?.phase ?? null,
        live: journey.state !== null,
        ...(journey.error ? { error: journey.error } : {}),
      },
    };
  }
}
