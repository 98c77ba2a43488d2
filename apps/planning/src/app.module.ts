import { Module, type DynamicModule } from '@nestjs/common';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import type { PlanningConfig } from './config';
import { PlanQueueModule } from './plan-queue/plan-queue.module';

/** Composition root of the planning service. */
@Module({})
export class PlanningAppModule {
  static register(config: PlanningConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: PlanningAppModule,
      imports: [
        PlatformModule.forService({
          service: 'planning',
          config,
          audience: Audiences.internal,
          tokenSecret: config.INTERNAL_TOKEN_SECRET,
          logger,
        }),
        PlanQueueModule,
      ],
    };
  }
}
