import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { createOccupationSchema, IntakeAccess, updateOccupationSchema, type OccupationView, type Page } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { jsonSchema } from '../openapi/json-schema';
import { IntakeForwarder } from '../participants/intake-forwarder';

/** The occupation catalogue (shipped with the project, extended by administrators). */
@ApiTags('occupations')
@ApiBearerAuth()
@Controller('occupations')
export class OccupationsController extends IntakeForwarder {
  @Get()
  @Roles(...IntakeAccess.readConfiguration)
  @ApiQuery({ name: 'q', required: false, description: 'Words that must start words of the title' })
  @ApiQuery({ name: 'riasec', required: false, enum: ['R', 'I', 'A', 'S', 'E', 'C'], description: 'Occupations whose code has this letter' })
  @ApiQuery({ name: 'jobZone', required: false, description: '1-5' })
  @ApiQuery({ name: 'limit', required: false, description: '1-200, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: 'Occupations by SOC code' })
  list(@Query() q: Record<string, string>, @Req() req: AuthenticatedRequest): Promise<Page<OccupationView>> {
    return this.forward(req, 'GET', `/occupations?${new URLSearchParams(q)}`);
  }

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeConfiguration)
  @ApiBody({ schema: jsonSchema(createOccupationSchema) })
  @ApiCreatedResponse({ description: 'A local occupation, used in suggestions from now on' })
  @ApiBadRequestResponse({ description: 'Bad SOC code, RIASEC code or job zone' })
  @ApiConflictResponse({ description: 'The SOC code is already in the catalogue' })
  @ApiForbiddenResponse({ description: 'Administrators only' })
  create(@Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<OccupationView> {
    return this.forward(req, 'POST', '/occupations', body);
  }

  @Put(':socCode')
  @Roles(...IntakeAccess.writeConfiguration)
  @ApiBody({ schema: jsonSchema(updateOccupationSchema) })
  @ApiOkResponse({ description: 'The occupation as changed' })
  @ApiNotFoundResponse({ description: 'No such SOC code in the catalogue' })
  update(@Param('socCode') socCode: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<OccupationView> {
    return this.forward(req, 'PUT', `/occupations/${encodeURIComponent(socCode)}`, body);
  }
}
