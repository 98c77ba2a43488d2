import { Module } from '@nestjs/common';

/** Assessments (questionnaire, barriers and needs, interest profile, job readiness) and the occupation catalogue. */
@Module({})
export class AssessmentsModule {}
