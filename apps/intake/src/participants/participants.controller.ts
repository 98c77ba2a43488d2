import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod/v4';
import {
  registerParticipantSchema,
  type Page,
  type ParticipantDetail,
  type ParticipantSummary,
  type RegisterParticipantRequest,
} from '@waypoint/contracts';
import { nameTokens } from '@waypoint/intake-domain';
import { Roles, ZodValidationPipe, validationError, type AuthenticatedRequest } from '@waypoint/platform';
import { decodeCursor, ParticipantsService } from './participants.service';

/** Who may register people, and who may look them up. The gateway checks the same roles. */
export const REGISTER_ROLES = ['intake_worker', 'case_manager', 'admin'];
export const READ_ROLES = ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'];

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

const listQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(600).optional(),
    q: z.string().trim().max(80).optional(),
    office: z.string().trim().max(80).optional(),
  })
  .strict();

@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...REGISTER_ROLES)
  async register(
    @Body(new ZodValidationPipe(registerParticipantSchema)) body: RegisterParticipantRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ParticipantDetail> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationError([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 8-128 letters, digits, - or _' }]);
    }
    const { participant, replayed } = await this.participants.register(
      body,
      { id: req.user.sub, username: req.user.username },
      idempotencyKey,
    );
    if (replayed) res.status(200).setHeader('Idempotent-Replayed', 'true');
    return participant;
  }

  @Get()
  @Roles(...READ_ROLES)
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
  @Roles(...READ_ROLES)
  get(@Param('id') id: string): Promise<ParticipantDetail> {
    return this.participants.get(id);
  }
}
