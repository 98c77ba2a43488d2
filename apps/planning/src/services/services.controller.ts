import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  CaseworkAccess,
  changeServiceStatusSchema,
  recordServiceSchema,
  type ChangeServiceStatusRequest,
  type RecordServiceRequest,
  type ServiceView,
} from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { actorOf } from '../shared/actor';
import { idFromIdempotencyKey } from '../shared/idempotency';
import { expectedVersion } from '../shared/if-match';
import { ServicesService } from './services.service';

/** A participant's services. Roles per CaseworkAccess (the gateway checks the same table). */
@Controller('participants/:id/services')
export class ServicesController {
  constructor(private readonly services: ServicesService) {}

  @Post()
  @HttpCode(201)
  @Roles(...CaseworkAccess.recordServices)
  async record(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(recordServiceSchema)) body: RecordServiceRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ServiceView> {
    const actor = actorOf(req);
    const { service, replayed } = await this.services.record(id, body, actor, idFromIdempotencyKey(idempotencyKey, actor.id, 'service'));
    if (replayed) res.status(200).setHeader('Idempotent-Replayed', 'true');
    res.setHeader('ETag', `"${service.version}"`);
    return service;
  }

  @Patch(':serviceId')
  @Roles(...CaseworkAccess.recordServices)
  async changeStatus(
    @Param('id') id: string,
    @Param('serviceId') serviceId: string,
    @Body(new ZodValidationPipe(changeServiceStatusSchema)) body: ChangeServiceStatusRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ServiceView> {
    const { version, ...change } = body;
    const service = await this.services.changeStatus(id, serviceId, change, expectedVersion(ifMatch, version), actorOf(req));
    res.setHeader('ETag', `"${service.version}"`);
    return service;
  }

  @Get()
  @Roles(...CaseworkAccess.readServices)
  list(@Param('id') id: string): Promise<ServiceView[]> {
    return this.services.list(id);
  }
}
