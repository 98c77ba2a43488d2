import type { Type } from '@nestjs/common';

/** Gateway controllers for the participant journey: state, exit confirmation, reopen. */
export const JOURNEY_CONTROLLERS: Type[] = [];
