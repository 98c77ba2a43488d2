import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  determineEligibilityRequestSchema,
  IntakeAccess,
  type DetermineEligibilityRequest,
  type EligibilityDeterminationView,
} from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { EligibilityService } from './eligibility.service';

@Controller('participants/:id/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeEligibility)
  determine(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(determineEligibilityRequestSchema)) answers: DetermineEligibilityRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<EligibilityDeterminationView> {
    return this.eligibility.determine(id, answers, req.user.username);
  }

  @Get()
  @Roles(...IntakeAccess.readEligibility)
  history(@Param('id') id: string): Promise<EligibilityDeterminationView[]> {
    return this.eligibility.history(id);
  }

  @Get(':determinationId')
  @Roles(...IntakeAccess.readEligibility)
  get(@Param('id') id: string, @Param('determinationId') determinationId: string): Promise<EligibilityDeterminationView> {
    return this.eligibility.get(id, determinationId);
  }
}
