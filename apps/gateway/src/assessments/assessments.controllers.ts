import type { Type } from '@nestjs/common';

/** Gateway controllers for assessments and the occupation catalogue (owned by intake). */
export const ASSESSMENTS_CONTROLLERS: Type[] = [];
