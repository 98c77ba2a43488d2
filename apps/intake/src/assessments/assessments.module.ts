import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideOutboxRelay } from '@waypoint/platform';
import { assessmentSchema, ASSESSMENT_MODEL } from './assessment.schema';
import { AssessmentsDirectoryController } from './assessments-directory.controller';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService, ASSESSMENT_OUTBOX } from './assessments.service';
import { occupationSchema, OCCUPATION_MODEL } from './occupation.schema';
import { OccupationsController } from './occupations.controller';
import { OccupationsService } from './occupations.service';
import { personalReadinessSchema, PERSONAL_READINESS_MODEL } from './personal-readiness.schema';

/** Assessments (questionnaire, barriers and needs, interest profile, job readiness) and the occupation catalogue. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ASSESSMENT_MODEL, schema: assessmentSchema },
      { name: PERSONAL_READINESS_MODEL, schema: personalReadinessSchema },
      { name: OCCUPATION_MODEL, schema: occupationSchema },
    ]),
  ],
  controllers: [AssessmentsController, AssessmentsDirectoryController, OccupationsController],
  providers: [
    AssessmentsRepository,
    AssessmentsService,
    OccupationsService,
    provideOutboxRelay({ token: ASSESSMENT_OUTBOX, collection: 'assessments' }),
  ],
})
export class AssessmentsModule {}
