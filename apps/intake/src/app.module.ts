import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@waypoint/contracts';
import { Audiences, OUTBOX_POLL_MS, PlatformModule, type JsonLogger } from '@waypoint/platform';
import { AssessmentsModule } from './assessments/assessments.module';
import { INTAKE_CONFIG, type IntakeConfig } from './config';
import { ParticipantsModule } from './participants/participants.module';
import { ProgramsModule } from './programs/programs.module';
import { SessionsModule } from './sessions/sessions.module';

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
        ProgramsModule,
        ParticipantsModule,
        SessionsModule,
        AssessmentsModule,
      ],
      providers: [
        { provide: OUTBOX_POLL_MS, useValue: config.OUTBOX_POLL_MS },
        { provide: INTAKE_CONFIG, useValue: config },
      ],
      exports: [OUTBOX_POLL_MS, INTAKE_CONFIG],
    };
  }
}
