import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod/v4';
import {
  IntakeAccess,
  linkSessionAttendeeSchema,
  openIntakeSessionSchema,
  registerParticipantSchema,
  type IntakeSessionDetail,
  type IntakeSessionList,
  type IntakeSessionSummary,
  type LinkSessionAttendeeRequest,
  type OpenIntakeSessionRequest,
  type ParticipantDetail,
  type RegisterParticipantRequest,
  type SessionAttendee,
} from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { actorOf } from '../participants/participants.controller';
import { etagOf, idempotencyKeyOf } from '../participants/request-headers';
import { IntakeSessionsService } from './intake-sessions.service';

const listQuerySchema = z
  .object({
    office: z.string().trim().min(1).max(80).optional(),
    status: z.enum(['open', 'closed'], "status must be 'open' or 'closed'").optional(),
  })
  .strict();

/** Group intake sessions. Writes per IntakeAccess.writePeople, reads per readPeople. */
@Controller('sessions')
export class IntakeSessionsController {
  constructor(private readonly sessions: IntakeSessionsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writePeople)
  open(
    @Body(new ZodValidationPipe(openIntakeSessionSchema)) body: OpenIntakeSessionRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<IntakeSessionSummary> {
    return this.sessions.open(body, actorOf(req));
  }

  @Get()
  @Roles(...IntakeAccess.readPeople)
  list(@Query(new ZodValidationPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>): Promise<IntakeSessionList> {
    return this.sessions.list(query);
  }

  @Get(':id')
  @Roles(...IntakeAccess.readPeople)
  detail(@Param('id') id: string): Promise<IntakeSessionDetail> {
    return this.sessions.detail(id);
  }

  @Post(':id/registrations')
  @HttpCode(201)
  @Roles(...IntakeAccess.writePeople)
  async register(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(registerParticipantSchema)) body: RegisterParticipantRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ParticipantDetail> {
    const { participant, replayed } = await this.sessions.register(id, body, actorOf(req), idempotencyKeyOf(idempotencyKey));
    if (replayed) res.status(200).setHeader('Idempotent-Replayed', 'true');
    res.setHeader('ETag', etagOf(participant.version ?? 1));
    return participant;
  }

  @Post(':id/attendees')
  @HttpCode(200)
  @Roles(...IntakeAccess.writePeople)
  link(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(linkSessionAttendeeSchema)) body: LinkSessionAttendeeRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<SessionAttendee> {
    return this.sessions.link(id, body.participantId, actorOf(req));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...IntakeAccess.writePeople)
  close(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<IntakeSessionSummary> {
    return this.sessions.close(id, actorOf(req));
  }
}
