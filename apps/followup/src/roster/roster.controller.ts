import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { Roles } from '@waypoint/platform';
import { RosterRepository, type RosterEntryView } from './roster.repository';

/** Who may see the follow-up roster. The gateway checks the same roles. */
export const ROSTER_READ_ROLES = ['case_manager', 'supervisor', 'admin'];

@Controller('roster')
export class RosterController {
  constructor(private readonly roster: RosterRepository) {}

  @Get(':participantId')
  @Roles(...ROSTER_READ_ROLES)
  async get(@Param('participantId') participantId: string): Promise<RosterEntryView> {
    const entry = await this.roster.find(participantId);
    if (!entry) throw new NotFoundException(`No roster entry for participant id ${participantId}`);
    return entry;
  }
}
