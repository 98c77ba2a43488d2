import type { Type } from '@nestjs/common';
import { JourneyController } from './journey.controller';

/** Gateway controllers for the participant journey: state, exit confirmation, reopen. */
export const JOURNEY_CONTROLLERS: Type[] = [JourneyController];
