import type { Type } from '@nestjs/common';
import { ParticipantContactsController } from './participant-contacts.controller';
import { ParticipantServicesController } from './participant-services.controller';
import { TasksController } from './tasks.controller';

/** Gateway controllers for casework in planning: services, contacts, tasks. */
export const CASEWORK_CONTROLLERS: Type[] = [ParticipantServicesController, ParticipantContactsController, TasksController];
