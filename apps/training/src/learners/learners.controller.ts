import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { Roles } from '@waypoint/platform';
import { LearnersRepository, type LearnerView } from './learners.repository';

/** Who may look a learner up. The gateway checks the same roles. */
export const LEARNER_READ_ROLES = ['trainer', 'case_manager', 'admin'];

@Controller('learners')
export class LearnersController {
  constructor(private readonly learners: LearnersRepository) {}

  @Get(':participantId')
  @Roles(...LEARNER_READ_ROLES)
  async get(@Param('participantId') participantId: string): Promise<LearnerView> {
    const learner = await this.learners.find(participantId);
    if (!learner) throw new NotFoundException(`No learner with participant id ${participantId}`);
    return learner;
  }
}
