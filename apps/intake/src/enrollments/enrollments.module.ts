import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideOutboxRelay } from '@waypoint/platform';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ConfigurationModule } from '../programs/configuration.module';
import { commonExitConsumer } from './common-exit.consumer';
import { enrollmentSchema, ENROLLMENT_MODEL } from './enrollment.schema';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsRepository } from './enrollments.repository';
import { ENROLLMENT_OUTBOX, EnrollmentsService } from './enrollments.service';

@Module({
  imports: [ConfigurationModule, EligibilityModule, MongooseModule.forFeature([{ name: ENROLLMENT_MODEL, schema: enrollmentSchema }])],
  controllers: [EnrollmentsController],
  providers: [
    EnrollmentsRepository,
    EnrollmentsService,
    provideOutboxRelay({ token: ENROLLMENT_OUTBOX, collection: 'enrollments' }),
    commonExitConsumer,
  ],
})
export class EnrollmentsModule {}
