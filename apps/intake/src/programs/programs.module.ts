import { Module } from '@nestjs/common';

/** Programs and offices as configuration, eligibility determinations and enrollments. */
@Module({})
export class ProgramsModule {}
