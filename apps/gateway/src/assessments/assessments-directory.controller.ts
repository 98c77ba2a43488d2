import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ASSESSMENT_KINDS, IntakeAccess, type DueAssessment, type InterestItemView, type Page } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { IntakeForwarder } from '../participants/intake-forwarder';

/** Across participants: who is due a reassessment, and the interest items the form shows. */
@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsDirectoryController extends IntakeForwarder {
  @Get('due')
  @Roles(...IntakeAccess.readAssessments)
  @ApiQuery({ name: 'office', required: false })
  @ApiQuery({ name: 'kind', required: false, enum: ASSESSMENT_KINDS, description: 'barriers only for readBarriers roles' })
  @ApiQuery({ name: 'before', required: false, description: 'YYYY-MM-DD: due on or before this day (default today)' })
  @ApiQuery({ name: 'limit', required: false, description: '1-200, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: 'Latest assessments due, earliest due date first (keyset paged)' })
  due(@Query() q: Record<string, string>, @Req() req: AuthenticatedRequest): Promise<Page<DueAssessment>> {
    // Passed through whole: intake validates them and rejects unknown ones with 400.
    return this.forward(req, 'GET', `/assessments/due?${new URLSearchParams(q)}`);
  }

  @Get('interest-items')
  @Roles(...IntakeAccess.readAssessments)
  @ApiOkResponse({ description: 'The 60 work activities R01..C10, each rated 0 (strongly dislike) to 4 (strongly like)' })
  interestItems(@Req() req: AuthenticatedRequest): Promise<InterestItemView[]> {
    return this.forward(req, 'GET', '/assessments/interest-items');
  }
}
