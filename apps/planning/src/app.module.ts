import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@waypoint/contracts';
import { Audiences, OUTBOX_POLL_MS, PlatformModule, type JsonLogger } from '@waypoint/platform';
import type { PlanningConfig } from './config';
import { ContactsModule } from './contacts/contacts.module';
import { caseworkDirectoryConsumer } from './directory/casework-directory.consumer';
import { DirectoryModule } from './directory/directory.module';
import { PlanQueueModule } from './plan-queue/plan-queue.module';
import { ServicesModule } from './services/services.module';
import { TasksModule } from './tasks/tasks.module';

/** Composition root of the planning service: the plan queue and casework (services, contacts, tasks). */
@Global()
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
          topics: [Topics.planning, Topics.journey, Topics.intake],
          logger,
        }),
        PlanQueueModule,
        DirectoryModule,
        ServicesModule,
        ContactsModule,
        TasksModule,
      ],
      providers: [{ provide: OUTBOX_POLL_MS, useValue: config.OUTBOX_POLL_MS }, caseworkDirectoryConsumer],
      exports: [OUTBOX_POLL_MS],
    };
  }
}
