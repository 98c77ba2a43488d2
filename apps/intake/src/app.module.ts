import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@waypoint/contracts';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import type { IntakeConfig } from './config';
import { OUTBOX_POLL_MS, ParticipantsModule } from './participants/participants.module';

/** Composition root of the intake service. */
@Global()
@Module({})
export class IntakeAppModule {
  static register(config: IntakeConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: IntakeAppModule,
      imports: [
        PlatformModule.forService({
          service: 'intake',
          config,
          audience: Audiences.internal,
          tokenSecret: config.INTERNAL_TOKEN_SECRET,
          topics: [Topics.intake, Topics.journey],
          logger,
        }),
        ParticipantsModule,
      ],
      providers: [{ provide: OUTBOX_POLL_MS, useValue: config.OUTBOX_POLL_MS }],
      exports: [OUTBOX_POLL_MS],
    };
  }
}
