import { Module, type DynamicModule } from '@nestjs/common';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import type { TrainingConfig } from './config';
import { LearnersModule } from './learners/learners.module';

/** Composition root of the training service. */
@Module({})
export class TrainingAppModule {
  static register(config: TrainingConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: TrainingAppModule,
      imports: [
        PlatformModule.forService({
          service: 'training',
          config,
          audience: Audiences.internal,
          tokenSecret: config.INTERNAL_TOKEN_SECRET,
          logger,
        }),
        LearnersModule,
      ],
    };
  }
}
