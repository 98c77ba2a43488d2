import type { Type } from '@nestjs/common';

/** Gateway controllers for programs, offices, eligibility and enrollments (owned by intake). */
export const PROGRAMS_CONTROLLERS: Type[] = [];
