import type { Type } from '@nestjs/common';
import { OfficesConfigurationController, ProgramsConfigurationController } from './configuration.controller';
import { EligibilityController } from './eligibility.controller';
import { EnrollmentsController } from './enrollments.controller';

/** Gateway controllers for programs, offices, eligibility and enrollments (owned by intake). */
export const PROGRAMS_CONTROLLERS: Type[] = [
  ProgramsConfigurationController,
  OfficesConfigurationController,
  EligibilityController,
  EnrollmentsController,
];
