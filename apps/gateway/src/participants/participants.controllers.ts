import type { Type } from '@nestjs/common';
import { IntakeSessionsController } from '../sessions/intake-sessions.controller';
import { ParticipantConsentsController } from './participant-consents.controller';
import { ParticipantsController } from './participants.controller';

/** Gateway controllers for people: registration, duplicates, consents, group intake sessions. */
export const PARTICIPANTS_CONTROLLERS: Type[] = [ParticipantsController, ParticipantConsentsController, IntakeSessionsController];
