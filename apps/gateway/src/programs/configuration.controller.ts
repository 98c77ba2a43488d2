import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, type Type } from '@nestjs/common';
import type { Response } from 'express';
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
import type { z } from 'zod/v4';
import {
  createOfficeSchema,
  createProgramSchema,
  deactivateSchema,
  IntakeAccess,
  updateOfficeSchema,
  updateProgramSchema,
  type OfficeView,
  type ProgramView,
} from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { jsonSchema } from '../openapi/json-schema';
import { IntakeForwarder } from '../participants/intake-forwarder';

interface ConfigurationRoutes {
  /** 'programs' or 'offices' */
  path: string;
  noun: string;
  create: z.ZodType;
  update: z.ZodType;
}

/**
 * The configuration API of intake (programs, offices) as the gateway exposes it: everyone
 * in readConfiguration reads, writeConfiguration changes; intake validates and answers.
 * Every change is audited by the gateway's audit middleware.
 */
function configurationController<V>(routes: ConfigurationRoutes): Type {
  @ApiTags('configuration')
  @ApiBearerAuth()
  @Controller(routes.path)
  class GatewayConfigurationController extends IntakeForwarder {
    private call<T>(req: AuthenticatedRequest, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
      return this.forward<T>(req, method, `/${routes.path}${path}`, body);
    }

    /** Names the entry in the audit entry of this change (views are keyed by code, not id). */
    private audited(res: Response, code: unknown): void {
      if (typeof code === 'string') res.locals.auditResource = `${routes.noun}:${code}`;
    }

    @Get()
    @Roles(...IntakeAccess.readConfiguration)
    @ApiQuery({ name: 'active', required: false, description: "'true': only the active ones" })
    @ApiOkResponse({ description: `Every ${routes.noun}, by code` })
    list(@Query('active') active: string | undefined, @Req() req: AuthenticatedRequest): Promise<V[]> {
      return this.call(req, 'GET', active !== undefined ? `?${new URLSearchParams({ active })}` : '');
    }

    @Get(':code')
    @Roles(...IntakeAccess.readConfiguration)
    @ApiNotFoundResponse({ description: `No ${routes.noun} with this code` })
    get(@Param('code') code: string, @Req() req: AuthenticatedRequest): Promise<V> {
      return this.call(req, 'GET', `/${encodeURIComponent(code)}`);
    }

    @Post()
    @HttpCode(201)
    @Roles(...IntakeAccess.writeConfiguration)
    @ApiBody({ schema: jsonSchema(routes.create) })
    @ApiCreatedResponse({ description: `The new ${routes.noun}, version 1` })
    @ApiBadRequestResponse({ description: 'Invalid fields with paths (e.g. rules.2.percent); nothing was written' })
    @ApiConflictResponse({ description: `A ${routes.noun} with this code exists` })
    @ApiForbiddenResponse({ description: 'Only administrators change configuration' })
    create(@Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<V> {
      this.audited(res, (body as { code?: unknown } | undefined)?.code);
      return this.call(req, 'POST', '', body);
    }

    @Put(':code')
    @Roles(...IntakeAccess.writeConfiguration)
    @ApiBody({ schema: jsonSchema(routes.update) })
    @ApiOkResponse({ description: `The ${routes.noun} as replaced; its version grows by one` })
    @ApiBadRequestResponse({ description: 'Invalid fields with paths; nothing was written' })
    @ApiConflictResponse({ description: 'Changed by someone else since the version sent: reload and apply again' })
    @ApiForbiddenResponse({ description: 'Only administrators change configuration' })
    replace(@Param('code') code: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<V> {
      this.audited(res, code);
      return this.call(req, 'PUT', `/${encodeURIComponent(code)}`, body);
    }

    @Post(':code/deactivate')
    @HttpCode(200)
    @Roles(...IntakeAccess.writeConfiguration)
    @ApiBody({ schema: jsonSchema(deactivateSchema), required: false })
    @ApiOkResponse({ description: `Deactivated (never deleted: records reference it); no longer offered in forms` })
    @ApiConflictResponse({ description: 'Changed by someone else since the version sent' })
    deactivate(@Param('code') code: string, @Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<V> {
      this.audited(res, code);
      return this.call(req, 'POST', `/${encodeURIComponent(code)}/deactivate`, body ?? {});
    }
  }
  Object.defineProperty(GatewayConfigurationController, 'name', { value: `Gateway${routes.noun[0].toUpperCase()}${routes.noun.slice(1)}ConfigurationController` });
  return GatewayConfigurationController;
}

export const ProgramsConfigurationController = configurationController<ProgramView>({
  path: 'programs',
  noun: 'program',
  create: createProgramSchema,
  update: updateProgramSchema,
});

export const OfficesConfigurationController = configurationController<OfficeView>({
  path: 'offices',
  noun: 'office',
  create: createOfficeSchema,
  update: updateOfficeSchema,
});
