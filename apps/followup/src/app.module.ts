import { Module, type DynamicModule } from '@nestjs/common';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import type { FollowupConfig } from './config';
import { RosterModule } from './roster/roster.module';

/** Composition root of the followup service. */
@Module({})
export class FollowupAppModule {
  static register(config: FollowupConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: FollowupAppModule,
      imports: [
        PlatformModule.forService({
          service: 'followup',
          config,
          audience: Audiences.internal,
          tokenSecret: config.INTERNAL_TOKEN_SECRET,
          logger,
        }),
        RosterModule,
      ],
    };
  }
}
