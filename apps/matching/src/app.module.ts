import { Module, type DynamicModule } from '@nestjs/common';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import type { MatchingConfig } from './config';
import { CandidatesModule } from './candidates/candidates.module';

/** Composition root of the matching service. */
@Module({})
export class MatchingAppModule {
  static register(config: MatchingConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: MatchingAppModule,
      imports: [
        PlatformModule.forService({
          service: 'matching',
          config,
          audience: Audiences.internal,
          tokenSecret: config.INTERNAL_TOKEN_SECRET,
          logger,
        }),
        CandidatesModule,
      ],
    };
  }
}
