import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import {
  confirmExitRequestSchema,
  JourneyAccess,
  reopenJourneyRequestSchema,
  utcToday,
  type ConfirmExitRequest,
  type JourneyNotStartedBody,
  type JourneyStateView,
  type ReopenJourneyRequest,
} from '@waypoint/contracts';
import { journeyWorkflowId, type JourneyView } from '@waypoint/journey-workflows';
import { Roles, unprocessable, validationError, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditRead } from '../audit/audit.interceptor';
import { jsonSchema } from '../openapi/json-schema';
import { JourneyActionRejected, JourneyClient } from './journey-client';
import { toJourneyStateView } from './journey-view.mapper';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'One per form submission (8-128 of A-Z a-z 0-9 - _): the update id, so a retry with the same key gets the first answer and changes nothing twice',
};
const UNAVAILABLE = { description: 'Temporal (the journey service) cannot be reached; nothing was changed. Try again.' };
const NOT_STARTED = 'The journey has not started (it starts within seconds of registration)';

/**
 * The participant journey for staff: its state, read live from the person's workflow, and
 * the actions staff take on it (confirm an exit, reopen), carried to the workflow as
 * validated updates. The workflow owns the rules; the gateway authorises, audits, forwards.
 */
@ApiTags('journey')
@ApiBearerAuth()
@Controller('participants/:id/journey')
export class JourneyController {
  constructor(private readonly journeys: JourneyClient) {}

  @Get()
  @Roles(...JourneyAccess.read)
  @AuditRead('participant.journey')
  @ApiOperation({
    summary: "The participant's journey: phase, days since last service, deadlines, open tasks, history, exit",
    description:
      'Read live from the journey workflow (`journey-<id>`). `daysSinceLastService` counts to today (UTC), not to the last time the workflow ran. Every read is audited.',
  })
  @ApiOkResponse({ description: 'JourneyStateView (live: true)' })
  @ApiNotFoundResponse({ description: 'JourneyNotStartedBody (live: false, reason): no journey for this person yet' })
  @ApiForbiddenResponse({ description: 'Role may not read people' })
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async get(@Param('id') id: string): Promise<JourneyStateView> {
    const view = await this.journeys.read(id);
    if (!view) throw notStarted(id);
    return present(view, id);
  }

  @Post('exit-confirmation')
  @HttpCode(200)
  @Roles(...JourneyAccess.act)
  @ApiOperation({
    summary: 'Confirm the exit the 90-day rule proposed, or an early exit for a performance exclusion',
    description:
      'The exit date defaults to the proposed one (the last service date). Without a proposal only a performance exclusion (incarcerated, health, deceased, reserve_call_up) may be confirmed. Every open enrollment exits on that date (common exit); follow-up starts. `confirmedBy` is the signed-in user.',
  })
  @ApiBody({ schema: jsonSchema(confirmExitRequestSchema) })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ description: 'JourneyStateView after the exit (phase exited, or follow_up)' })
  @ApiBadRequestResponse({ description: 'Invalid fields or Idempotency-Key; nothing was changed' })
  @ApiUnprocessableEntityResponse({ description: "The journey turned it down (the workflow's message as a field error); nothing was changed" })
  @ApiNotFoundResponse({ description: 'No running journey for this person' })
  @ApiForbiddenResponse({ description: 'Only case managers and supervisors confirm exits' })
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async confirmExit(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(confirmExitRequestSchema)) body: ConfirmExitRequest,
    @Req() req: AuthenticatedRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<JourneyStateView> {
    const requestId = requestIdFrom(idempotencyKey);
    const view = await rejectedAs422('reason', () => this.journeys.confirmExit(id, { ...body, confirmedBy: req.user.username, requestId }));
    return present(view, id);
  }

  @Post('reopen')
  @HttpCode(200)
  @Roles(...JourneyAccess.act)
  @ApiOperation({
    summary: 'Reopen an exited case: back to services, the exit clock restarts',
    description: 'Only from exited or follow_up. `reopenedBy` is the signed-in user.',
  })
  @ApiBody({ schema: jsonSchema(reopenJourneyRequestSchema) })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ description: 'JourneyStateView after reopening (phase services)' })
  @ApiBadRequestResponse({ description: 'Invalid fields or Idempotency-Key; nothing was changed' })
  @ApiUnprocessableEntityResponse({ description: "The journey turned it down (e.g. the case is not exited); the workflow's message as a field error" })
  @ApiNotFoundResponse({ description: 'No running journey for this person' })
  @ApiForbiddenResponse({ description: 'Only case managers and supervisors reopen cases' })
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async reopen(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(reopenJourneyRequestSchema)) body: ReopenJourneyRequest,
    @Req() req: AuthenticatedRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<JourneyStateView> {
    const requestId = requestIdFrom(idempotencyKey);
    const view = await rejectedAs422('reason', () => this.journeys.reopen(id, { reason: body.reason, reopenedBy: req.user.username, requestId }));
    return present(view, id);
  }
}

const present = (view: JourneyView, participantId: string): JourneyStateView => toJourneyStateView(view, journeyWorkflowId(participantId), utcToday());

function notStarted(participantId: string): NotFoundException {
  const body: JourneyNotStartedBody = { statusCode: 404, live: false, participantId, workflowId: journeyWorkflowId(participantId), reason: NOT_STARTED };
  return new NotFoundException(body);
}

/** The Idempotency-Key as the update id, or a new id when the client sent none. */
function requestIdFrom(key: string | undefined): string {
  if (key === undefined) return randomUUID();
  if (!IDEMPOTENCY_KEY.test(key)) throw validationError([{ field: 'Idempotency-Key', message: 'Use 8-128 of A-Z a-z 0-9 - _' }]);
  return key;
}

/** The workflow's rejection as a 422 with its message on the field it named (or `field`). */
async function rejectedAs422(field: string, run: () => Promise<JourneyView>): Promise<JourneyView> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof JourneyActionRejected) throw unprocessable([{ field: err.field ?? field, message: err.message }], err.message);
    throw err;
  }
}
