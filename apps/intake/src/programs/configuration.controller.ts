import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, type Type } from '@nestjs/common';
import { z } from 'zod/v4';
import {
  createOfficeSchema,
  createProgramSchema,
  deactivateSchema,
  IntakeAccess,
  updateOfficeSchema,
  updateProgramSchema,
} from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { toOfficeView, toProgramView } from './configuration.mapper';
import type { VersionedDocument } from './configuration.schema';
import type { ConfigurationStore } from './configuration.store';
import { OfficeStore, ProgramStore } from './configuration.stores';

const listQuery = z.object({ active: z.enum(['true', 'false']).optional() }).strict();

interface ConfigurationApi<D extends VersionedDocument, V> {
  path: string;
  store: Type<ConfigurationStore<D>>;
  create: z.ZodType<{ code: string } & Record<string, unknown>>;
  update: z.ZodType<{ version: number } & Record<string, unknown>>;
  toView: (doc: D) => V;
}

/**
 * One configuration API (programs, offices): everyone in readConfiguration reads;
 * writeConfiguration creates, replaces whole (with the version read: 409 when stale) and
 * deactivates. Nothing is ever deleted: enrollments and people reference the codes.
 */
function configurationController<D extends VersionedDocument, V>(api: ConfigurationApi<D, V>): Type {
  @Controller(api.path)
  class ConfigurationController {
    constructor(@Inject(api.store) private readonly store: ConfigurationStore<D>) {}

    @Get()
    @Roles(...IntakeAccess.readConfiguration)
    async list(@Query(new ZodValidationPipe(listQuery)) q: z.infer<typeof listQuery>): Promise<V[]> {
      return (await this.store.list(q.active === 'true')).map(api.toView);
    }

    @Get(':code')
    @Roles(...IntakeAccess.readConfiguration)
    async get(@Param('code') code: string): Promise<V> {
      return api.toView(await this.store.get(code));
    }

    @Post()
    @HttpCode(201)
    @Roles(...IntakeAccess.writeConfiguration)
    async create(@Body(new ZodValidationPipe(api.create)) body: { code: string }, @Req() req: AuthenticatedRequest): Promise<V> {
      const { code, ...fields } = body;
      return api.toView(await this.store.create(code, fields as never, req.user.username));
    }

    @Put(':code')
    @Roles(...IntakeAccess.writeConfiguration)
    async replace(
      @Param('code') code: string,
      @Body(new ZodValidationPipe(api.update)) body: { version: number },
      @Req() req: AuthenticatedRequest,
    ): Promise<V> {
      const { version, ...fields } = body;
      return api.toView(await this.store.update(code, version, fields as never, req.user.username, true));
    }

    @Post(':code/deactivate')
    @HttpCode(200)
    @Roles(...IntakeAccess.writeConfiguration)
    async deactivate(
      @Param('code') code: string,
      @Body(new ZodValidationPipe(deactivateSchema)) body: z.infer<typeof deactivateSchema>,
      @Req() req: AuthenticatedRequest,
    ): Promise<V> {
      return api.toView(await this.store.update(code, body.version, { active: false } as never, req.user.username, false));
    }
  }
  Object.defineProperty(ConfigurationController, 'name', { value: `${api.path[0].toUpperCase()}${api.path.slice(1)}ConfigurationController` });
  return ConfigurationController;
}

export const ProgramsController = configurationController({
  path: 'programs',
  store: ProgramStore,
  create: createProgramSchema,
  update: updateProgramSchema,
  toView: toProgramView,
});

export const OfficesController = configurationController({
  path: 'offices',
  store: OfficeStore,
  create: createOfficeSchema,
  update: updateOfficeSchema,
  toView: toOfficeView,
});
