import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { Roles } from '@waypoint/platform';
import { CandidatesRepository, type CandidateView } from './candidates.repository';

/** Who may see a candidate profile. The gateway checks the same roles. */
export const CANDIDATE_READ_ROLES = ['job_developer', 'case_manager', 'admin'];

@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesRepository) {}

  @Get(':participantId')
  @Roles(...CANDIDATE_READ_ROLES)
  async get(@Param('participantId') participantId: string): Promise<CandidateView> {
    const candidate = await this.candidates.find(participantId);
    if (!candidate) throw new NotFoundException(`No candidate with participant id ${participantId}`);
    return candidate;
  }
}
