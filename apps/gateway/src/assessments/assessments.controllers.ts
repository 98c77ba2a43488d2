import type { Type } from '@nestjs/common';
import { AssessmentsDirectoryController } from './assessments-directory.controller';
import { OccupationsController } from './occupations.controller';
import { ParticipantAssessmentsController } from './participant-assessments.controller';

/** Gateway controllers for assessments and the occupation catalogue (owned by intake). */
export const ASSESSMENTS_CONTROLLERS: Type[] = [ParticipantAssessmentsController, AssessmentsDirectoryController, OccupationsController];
