import { Body, Controller, Get, Headers, HttpCode, HttpException, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod/v4';
import {
  duplicateCheckSchema,
  IntakeAccess,
  recordConsentSchema,
  registerParticipantSchema,
  revokeConsentSchema,
  updateParticipantSchema,
  type ConsentList,
  type ConsentView,
  type DuplicateCheckRequest,
  type DuplicateCheckResponse,
  type Page,
  type ParticipantDetail,
  type ParticipantSummary,
  type RecordConsentRequest,
  type RegisterParticipantRequest,
  type RevokeConsentRequest,
  type UpdateParticipantRequest,
} from '@waypoint/contracts';
import { nameTokens } from '@waypoint/intake-domain';
import { Roles, ZodValidationPipe, validationError, type AuthenticatedRequest } from '@waypoint/platform';
import { decodeCursor, ParticipantsService, type Actor } from './participants.service';
import { etagOf, idempotencyKeyOf, versionOfIfMatch } from './request-headers';

const listQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(600).optional(),
    q: z.string().trim().max(80).optional(),
    office: z.string().trim().max(80).optional(),
  })
  .strict();

export const actorOf = (req: AuthenticatedRequest): Actor => ({ id: req.user.sub, username: req.user.username, roles: req.user.roles });

/** People: registration (with duplicate check), lookup, corrections, consents. Roles per IntakeAccess. */
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writePeople)
  async register(
    @Body(new ZodValidationPipe(registerParticipantSchema)) body: RegisterParticipantRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ParticipantDetail> {
    const { participant, replayed } = await this.participants.register(body, actorOf(req), idempotencyKeyOf(idempotencyKey));
    if (replayed) res.status(200).setHeader('Idempotent-Replayed', 'true');
    res.setHeader('ETag', etagOf(participant.version ?? 1));
    return participant;
  }

  @Post('duplicate-check')
  @HttpCode(200)
  @Roles(...IntakeAccess.writePeople)
  duplicateCheck(@Body(new ZodValidationPipe(duplicateCheckSchema)) body: DuplicateCheckRequest): Promise<DuplicateCheckResponse> {
    return this.participants.duplicateCheck(body);
  }

  @Get()
  @Roles(...IntakeAccess.readPeople)
  list(@Query(new ZodValidationPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>): Promise<Page<ParticipantSummary>> {
    let cursor: [string, string, string] | undefined;
    if (query.cursor) {
      cursor = decodeCursor(query.cursor) ?? undefined;
      if (!cursor) throw validationError([{ field: 'cursor', message: 'Cursor is not one this service issued' }]);
    }
    const nameWords = query.q ? nameTokens(query.q).slice(0, 4) : undefined;
    return this.participants.list({ limit: query.limit, cursor, nameWords, office: query.office });
  }

  @Get(':id')
  @Roles(...IntakeAccess.readPeople)
  async get(@Param('id') id: string, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<ParticipantDetail> {
    const participant = await this.participants.get(id, actorOf(req));
    res.setHeader('ETag', etagOf(participant.version ?? 1));
    return participant;
  }

  @Patch(':id')
  @Roles(...IntakeAccess.writePeople)
  async update(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateParticipantSchema)) body: UpdateParticipantRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ParticipantDetail> {
    const { version, ...changes } = body;
    const expected = versionOfIfMatch(ifMatch) ?? version;
    if (expected === undefined) {
      throw new HttpException(
        { statusCode: 428, error: 'Precondition Required', message: 'Send the version you read: If-Match: "<version>" (or version in the body)' },
        428,
      );
    }
    const participant = await this.participants.update(id, changes, expected, actorOf(req));
    res.setHeader('ETag', etagOf(participant.version ?? 1));
    return participant;
  }

  @Get(':id/consents')
  @Roles(...IntakeAccess.readConsents)
  consents(@Param('id') id: string): Promise<ConsentList> {
    return this.participants.consents(id);
  }

  @Post(':id/consents')
  @HttpCode(201)
  @Roles(...IntakeAccess.writeConsents)
  recordConsent(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(recordConsentSchema)) body: RecordConsentRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<ConsentView> {
    return this.participants.recordConsent(id, body, actorOf(req));
  }

  @Post(':id/consents/:consentId/revoke')
  @HttpCode(200)
  @Roles(...IntakeAccess.writeConsents)
  revokeConsent(
    @Param('id') id: string,
    @Param('consentId') consentId: string,
    @Body(new ZodValidationPipe(revokeConsentSchema)) body: RevokeConsentRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<ConsentView> {
    return this.participants.revokeConsent(id, consentId, body.reason, actorOf(req));
  }
}
