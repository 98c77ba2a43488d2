import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  IntakeAccess,
  personalReadinessRequestSchema,
  type AssessmentComparison,
  type AssessmentOverview,
  type AssessmentRecord,
  type AssessmentSeries,
  type PersonalReadinessRecord,
  type PersonalReadinessRequest,
} from '@waypoint/contracts';
import { Roles, validationError, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { assessmentKind, assessmentNumber } from './assessment-params';
import { AssessmentsService, type Actor } from './assessments.service';

const actorOf = (req: AuthenticatedRequest): Actor => ({ id: req.user.sub, username: req.user.username, roles: req.user.roles });

/**
 * A participant's assessments: four kinds, each a numbered series. Roles come from
 * IntakeAccess; barriers need readBarriers (checked in the service, per kind), the
 * personal-readiness checklist the case manager's own permissions.
 */
@Controller('participants/:participantId/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get()
  @Roles(...IntakeAccess.readAssessments)
  overview(@Param('participantId') participantId: string, @Req() req: AuthenticatedRequest): Promise<AssessmentOverview> {
    return this.assessments.overview(participantId, req.user.roles);
  }

  @Post(':kind')
  @HttpCode(201)
  @Roles(...IntakeAccess.writeAssessments)
  complete(
    @Param('participantId') participantId: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord> {
    return this.assessments.complete(participantId, assessmentKind(kind), body, actorOf(req));
  }

  @Get('job-readiness/:number/personal-readiness')
  @Roles(...IntakeAccess.readPersonalReadiness)
  personalReadiness(@Param('participantId') participantId: string, @Param('number') number: string): Promise<PersonalReadinessRecord> {
    return this.assessments.personalReadiness(participantId, assessmentNumber(number));
  }

  @Put('job-readiness/:number/personal-readiness')
  @Roles(...IntakeAccess.writePersonalReadiness)
  savePersonalReadiness(
    @Param('participantId') participantId: string,
    @Param('number') number: string,
    @Body(new ZodValidationPipe(personalReadinessRequestSchema)) body: PersonalReadinessRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<PersonalReadinessRecord> {
    return this.assessments.savePersonalReadiness(participantId, assessmentNumber(number), body, actorOf(req));
  }

  @Get(':kind/comparison')
  @Roles(...IntakeAccess.readAssessments)
  compare(
    @Param('participantId') participantId: string,
    @Param('kind') kind: string,
    @Query() query: Record<string, string>,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentComparison> {
    const unknown = Object.keys(query).filter((k) => k !== 'from' && k !== 'to');
    if (unknown.length) throw validationError(unknown.map((field) => ({ field, message: `Unknown query parameter ${field}` })));
    return this.assessments.compare(
      participantId,
      assessmentKind(kind),
      {
        ...(query.from !== undefined ? { from: assessmentNumber(query.from, 'from') } : {}),
        ...(query.to !== undefined ? { to: assessmentNumber(query.to, 'to') } : {}),
      },
      req.user.roles,
    );
  }

  @Get(':kind')
  @Roles(...IntakeAccess.readAssessments)
  series(@Param('participantId') participantId: string, @Param('kind') kind: string, @Req() req: AuthenticatedRequest): Promise<AssessmentSeries> {
    return this.assessments.series(participantId, assessmentKind(kind), req.user.roles);
  }

  @Get(':kind/:number')
  @Roles(...IntakeAccess.readAssessments)
  get(
    @Param('participantId') participantId: string,
    @Param('kind') kind: string,
    @Param('number') number: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord> {
    return this.assessments.get(participantId, assessmentKind(kind), assessmentNumber(number), req.user.roles);
  }
}
