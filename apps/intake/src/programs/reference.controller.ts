import { Controller, Get } from '@nestjs/common';
import type { ReferenceData } from '@waypoint/contracts';
import { OfficeStore, ProgramStore } from './configuration.stores';

/** The lists the forms need: active offices and programs. Any signed-in caller may read them. */
@Controller('reference')
export class ReferenceController {
  constructor(
    private readonly programs: ProgramStore,
    private readonly offices: OfficeStore,
  ) {}

  @Get()
  async get(): Promise<ReferenceData> {
    const [offices, programs] = await Promise.all([this.offices.list(true), this.programs.list(true)]);
    return {
      offices: offices.map((o) => ({ code: o._id, name: o.name })),
      programs: programs.map((p) => ({ code: p._id, label: p.label })),
    };
  }
}
