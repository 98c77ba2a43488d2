import type { Type } from '@nestjs/common';
import { ParticipantsController } from './participants.controller';

/** Gateway controllers for people: registration, duplicates, consents, group intake sessions. */
export const PARTICIPANTS_CONTROLLERS: Type[] = [ParticipantsController];
