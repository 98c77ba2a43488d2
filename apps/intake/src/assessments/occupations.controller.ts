import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { z } from 'zod/v4';
import {
  createOccupationSchema,
  IntakeAccess,
  occupationQuerySchema,
  SOC_CODE_PATTERN,
  updateOccupationSchema,
  type CreateOccupationRequest,
  type OccupationView,
  type Page,
  type UpdateOccupationRequest,
} from '@waypoint/contracts';
import { Roles, validationError, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { OccupationsService } from './occupations.service';

/** The occupation catalogue: everyone with readConfiguration searches it, administrators extend it. */
@Controller('occupations')
export class OccupationsController {
  constructor(private readonly occupations: OccupationsService) {}

  @Get()
  @Roles(...IntakeAccess.readConfiguration)
  list(@Query(new ZodValidationPipe(occupationQuerySchema)) query: z.infer<typeof occupationQuerySchema>): Promise<Page<OccupationView>> {
    if (query.cursor && !SOC_CODE_PATTERN.test(query.cursor))
      throw validationError([{ field: 'cursor', message: 'Cursor is not one this service issued' }]);
    return this.occupations.list(query);
  }

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeConfiguration)
  create(@Body(new ZodValidationPipe(createOccupationSchema)) body: CreateOccupationRequest, @Req() req: AuthenticatedRequest): Promise<OccupationView> {
    return this.occupations.create(body, req.user.username);
  }

  @Put(':socCode')
  @Roles(...IntakeAccess.writeConfiguration)
  update(
    @Param('socCode') socCode: string,
    @Body(new ZodValidationPipe(updateOccupationSchema)) body: UpdateOccupationRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<OccupationView> {
    if (!SOC_CODE_PATTERN.test(socCode)) throw validationError([{ field: 'socCode', message: 'SOC code must look like 43-4051' }]);
    return this.occupations.update(socCode, body, req.user.username);
  }
}
