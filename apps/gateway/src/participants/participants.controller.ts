import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  duplicateCheckSchema,
  IntakeAccess,
  registerParticipantSchema,
  updateParticipantSchema,
  type DuplicateCheckResponse,
  type Page,
  type ParticipantDetail,
  type ParticipantPage,
  type ParticipantSummary,
} from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditRead } from '../audit/audit.interceptor';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { jsonSchema } from '../openapi/json-schema';
import { JourneyClient } from '../journey/journey-client';
import { ServiceClient } from './service-client';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'One per form submission (8-128 of A-Z a-z 0-9 - _): a retry with the same key returns the first result, never a second person',
};
const DUPLICATE_409 = {
  description:
    'Looks like a person already on file (a likely or certain duplicate) and duplicateReview does not cover every such candidate. Body: DuplicateConflictBody with the candidates and reviewRequiredFor. Nothing was written.',
};

/** Headers of the service's answer that the browser needs. */
export function passHeaders(from: Headers, res: Response): void {
  const etag = from.get('etag');
  if (etag) res.setHeader('ETag', etag);
  if (from.get('idempotent-replayed') === 'true') res.status(200).setHeader('Idempotent-Replayed', 'true');
}

/**
 * Forwards a registration (plain or into a session) with its Idempotency-Key, and passes
 * back the headers the browser needs (ETag, Idempotent-Replayed with status 200).
 */
export async function forwardRegistration(
  services: ServiceClient,
  config: GatewayConfig,
  req: AuthenticatedRequest,
  res: Response,
  path: string,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<ParticipantDetail> {
  // Validated by intake, the owner of the rule, against the same contract schema.
  const answer = await services.exchange<ParticipantDetail>(
    config.INTAKE_URL,
    req.user,
    'POST',
    path,
    body,
    idempotencyKey !== undefined ? { 'idempotency-key': idempotencyKey } : {},
  );
  passHeaders(answer.headers, res);
  return answer.body;
}

/** Participants, owned by the intake service; the gateway authorises, audits and forwards. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants')
export class ParticipantsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly journeys: JourneyClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({
    summary: 'Register a participant',
    description:
      'Runs the duplicate check first. `ssn` is optional, stored encrypted, never returned whole. When a candidate is likely or certain, send `duplicateReview` listing every id of `reviewRequiredFor` (or open the existing record instead).',
  })
  @ApiBody({ schema: jsonSchema(registerParticipantSchema) })
  @ApiCreatedResponse({ description: 'Registered; the journey starts within seconds. ETag carries the version.' })
  @ApiBadRequestResponse({ description: 'Invalid fields (including an SSN that cannot exist), each with a message; nothing was written' })
  @ApiConflictResponse(DUPLICATE_409)
  @ApiUnprocessableEntityResponse({ description: 'Unknown office or program; nothing was written' })
  @ApiForbiddenResponse({ description: 'Role may not register participants' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ description: 'A retry of a submission already registered (header Idempotent-Replayed: true)' })
  async register(
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ParticipantDetail> {
    return forwardRegistration(this.services, this.config, req, res, '/participants', body, idempotencyKey);
  }

  @Post('duplicate-check')
  @HttpCode(200)
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({
    summary: 'Search before create: who might this person already be?',
    description:
      'Finds people on file by name + date of birth (in any order of the names), SSN last four + date of birth, the whole SSN, e-mail and phone; scores each (0-100) with reasons, best first. Writes nothing.',
  })
  @ApiBody({ schema: jsonSchema(duplicateCheckSchema) })
  @ApiOkResponse({ description: 'DuplicateCheckResponse: candidates (participant summary, score, level, reasons) and reviewRequiredFor' })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiForbiddenResponse({ description: 'Role may not register participants' })
  duplicateCheck(@Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<DuplicateCheckResponse> {
    return this.services.request(this.config.INTAKE_URL, req.user, 'POST', '/participants/duplicate-check', body);
  }

  @Get()
  @Roles(...IntakeAccess.readPeople)
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
  @Roles(...IntakeAccess.readPeople)
  @AuditRead('participant.ssn-last4')
  @ApiOperation({
    summary: 'The participant with their live journey phase',
    description: 'Roles in IntakeAccess.readSsnLast4 also get hasSsn, ssnLast4 and ssnMasked (never the whole SSN); others get no SSN field. Every read is audited. ETag carries the version for PATCH.',
  })
  @ApiOkResponse({ description: 'ParticipantPage' })
  async get(@Param('id') id: string, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<ParticipantPage> {
    const [answer, journey] = await Promise.all([
      this.services.exchange<ParticipantDetail>(this.config.INTAKE_URL, req.user, 'GET', `/participants/${encodeURIComponent(id)}`),
      this.journeys.peek(id),
    ]);
    passHeaders(answer.headers, res);
    return {
      participant: answer.body,
      journey: {
        workflowId: journey.workflowId,
        phase: journey.state?.phase ?? null,
        live: journey.state !== null,
        ...(journey.error ? { error: journey.error } : {}),
      },
    };
  }

  @Patch(':id')
  @Roles(...IntakeAccess.writePeople)
  @ApiOperation({
    summary: 'Change or correct a participant (contact, address, office, programs of interest, names, date of birth)',
    description: 'Give only the fields that change (null clears e-mail, phone or address). Send the version read as If-Match (or `version`). Publishes intake.participant.updated.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) read, e.g. "3"; or give `version` in the body' })
  @ApiBody({ schema: jsonSchema(updateParticipantSchema) })
  @ApiOkResponse({ description: 'The record after the change, with its new version (ETag)' })
  @ApiBadRequestResponse({ description: 'Invalid fields; nothing was written' })
  @ApiConflictResponse({ description: 'Stale version: someone changed the record since it was read (VersionConflictBody). Nothing was written.' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown office or program, or no way left to reach the person; nothing was written' })
  @ApiForbiddenResponse({ description: 'Role may not change participants' })
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ParticipantDetail> {
    const answer = await this.services.exchange<ParticipantDetail>(
      this.config.INTAKE_URL,
      req.user,
      'PATCH',
      `/participants/${encodeURIComponent(id)}`,
      body,
      ifMatch !== undefined ? { 'if-match': ifMatch } : {},
    );
    passHeaders(answer.headers, res);
    return answer.body;
  }
}
