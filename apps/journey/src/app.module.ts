import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@waypoint/contracts';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import { JourneyBridgeConsumer } from './bridge/journey-bridge.consumer';
import type { JourneyConfig } from './config';
import { JOURNEY_CONFIG, JourneyWorkerService } from './worker/journey-worker.service';

/** The journey process: Temporal worker + the Kafka-to-Temporal bridge + health. */
@Module({})
export class JourneyAppModule {
  static register(config: JourneyConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: JourneyAppModule,
      imports: [
        PlatformModule.forService({
          service: 'journey',
          config,
          audience: Audiences.internal,
          tokenSecret: config.INTERNAL_TOKEN_SECRET,
          topics: [Topics.intake, Topics.journey],
          logger,
        }),
      ],
      providers: [{ provide: JOURNEY_CONFIG, useValue: config }, JourneyWorkerService, JourneyBridgeConsumer],
    };
  }
}
