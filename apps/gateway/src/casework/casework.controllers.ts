import type { Type } from '@nestjs/common';

/** Gateway controllers for casework in planning: services, contacts, tasks. */
export const CASEWORK_CONTROLLERS: Type[] = [];
