import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
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
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'One per form submission (8-128 of A-Z a-z 0-9 - _): a retry with the same key returns the first result, never a second person',
  })
  @ApiOkResponse({ description: 'A retry of a submission already registered (header Idempotent-Replayed: true)' })
  async register(
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ParticipantDetail> {
    // Validated by intake, the owner of the rule, against the same contract schema.
    const answer = await this.services.exchange<ParticipantDetail>(
      this.config.INTAKE_URL,
      req.user,
      'POST',
      '/participants',
      body,
      idempotencyKey !== undefined ? { 'idempotency-key': idempotencyKey } : {},
    );
    if (answer.headers.get('idempotent-replayed') === 'true') res.status(200).setHeader('Idempotent-Replayed', 'true');
    return answer.body;
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
