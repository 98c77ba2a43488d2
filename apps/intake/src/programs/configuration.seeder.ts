import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_OFFICES, DEFAULT_PROGRAM_CONFIGURATION } from '@waypoint/intake-domain';
import { JsonLogger } from '@waypoint/platform';
import { OfficeStore, ProgramStore } from './configuration.stores';

export const SEED_ACTOR = 'system';

/**
 * Seeds the shipped programs and the demo offices at start, each only when its code is
 * absent: an administrator's edit (or deactivation) is never overwritten, a restart
 * changes nothing, and processes starting together cannot insert an entry twice.
 */
@Injectable()
export class ConfigurationSeeder implements OnModuleInit {
  constructor(
    private readonly programs: ProgramStore,
    private readonly offices: OfficeStore,
    private readonly logger: JsonLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    const added: string[] = [];
    for (const { code, ...fields } of DEFAULT_PROGRAM_CONFIGURATION) {
      if (await this.programs.insertIfAbsent(code, fields, SEED_ACTOR)) added.push(code);
    }
    for (const { code, address, ...fields } of DEFAULT_OFFICES) {
      if (await this.offices.insertIfAbsent(code, { ...fields, address: { ...address } }, SEED_ACTOR)) added.push(code);
    }
    if (added.length) this.logger.child('configuration').info('seeded default configuration', { added });
  }
}
