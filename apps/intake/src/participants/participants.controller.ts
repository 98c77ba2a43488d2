import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
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
  register(
    @Body(new ZodValidationPipe(registerParticipantSchema)) body: RegisterParticipantRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<ParticipantDetail> {
    return this.participants.register(body, { id: req.user.sub, username: req.user.username });
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
