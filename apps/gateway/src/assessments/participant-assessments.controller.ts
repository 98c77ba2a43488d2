import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  ASSESSMENT_KINDS,
  barriersRequestSchema,
  intakeQuestionnaireRequestSchema,
  IntakeAccess,
  interestProfileRequestSchema,
  jobReadinessRequestSchema,
  personalReadinessRequestSchema,
  type AssessmentComparison,
  type AssessmentOverview,
  type AssessmentRecord,
  type AssessmentSeries,
  type PersonalReadinessRecord,
} from '@waypoint/contracts';
import { AuditRead } from '../audit/audit.interceptor';
import { jsonSchema } from '../openapi/json-schema';
import { IntakeForwarder } from '../participants/intake-forwarder';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';

const base = (participantId: string) => `/participants/${encodeURIComponent(participantId)}/assessments`;
const query = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');

const kindParam = { name: 'kind', enum: ASSESSMENT_KINDS, description: 'barriers have their own routes (need-to-know, audited)' };
const comparisonQueries = [
  { name: 'from', required: false, description: 'Number of the earlier assessment (default: the one before `to`)' },
  { name: 'to', required: false, description: 'Number of the later assessment (default: the latest)' },
];

/**
 * A participant's assessments, owned by intake. Barriers are read through their own routes so
 * that only readBarriers roles reach them and every read is audited; the personal-readiness
 * checklist is the case manager's alone, and audited too. Intake checks the same table again.
 */
@ApiTags('assessments')
@ApiBearerAuth()
@Controller('participants/:participantId/assessments')
export class ParticipantAssessmentsController extends IntakeForwarder {
  @Get()
  @Roles(...IntakeAccess.readAssessments)
  @AuditRead('assessment.overview')
  @ApiOkResponse({ description: 'The latest of each kind with its due date; barriers only for readBarriers roles (need count and worst severity)' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  overview(@Param('participantId') participantId: string, @Req() req: AuthenticatedRequest): Promise<AssessmentOverview> {
    return this.forward(req, 'GET', base(participantId));
  }

  @Post(':kind')
  @HttpCode(201)
  @Roles(...IntakeAccess.writeAssessments)
  @ApiParam({ name: 'kind', enum: ASSESSMENT_KINDS })
  @ApiBody({
    description: 'The body of the kind in the URL',
    schema: {
      oneOf: [
        { title: 'intake-questionnaire', ...jsonSchema(intakeQuestionnaireRequestSchema) },
        { title: 'barriers', ...jsonSchema(barriersRequestSchema) },
        { title: 'interest-profile', ...jsonSchema(interestProfileRequestSchema) },
        { title: 'job-readiness', ...jsonSchema(jobReadinessRequestSchema) },
      ],
    },
  })
  @ApiCreatedResponse({ description: 'Assessment N+1 of the kind, with its result and reassessmentDueOn; events published' })
  @ApiBadRequestResponse({ description: 'Out-of-range ratings, missing items, malformed or impossible dates: field paths; nothing written' })
  @ApiNotFoundResponse({ description: 'No such participant, or no such kind' })
  @ApiForbiddenResponse({ description: 'Role may not write assessments' })
  complete(
    @Param('participantId') participantId: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord> {
    // Validated by intake, the owner of the rules, against the same contract schemas.
    return this.forward(req, 'POST', `${base(participantId)}/${encodeURIComponent(kind)}`, body);
  }

  @Get('barriers')
  @Roles(...IntakeAccess.readBarriers)
  @AuditRead('assessment.barriers')
  @ApiOkResponse({ description: 'Every barriers assessment, newest first (headers and summaries)' })
  barrierSeries(@Param('participantId') participantId: string, @Req() req: AuthenticatedRequest): Promise<AssessmentSeries> {
    return this.forward(req, 'GET', `${base(participantId)}/barriers`);
  }

  @Get('barriers/comparison')
  @Roles(...IntakeAccess.readBarriers)
  @AuditRead('assessment.barriers')
  @ApiQuery(comparisonQueries[0])
  @ApiQuery(comparisonQueries[1])
  @ApiOkResponse({ description: 'Per area: resolved, new, worse, better or unchanged' })
  barrierComparison(@Param('participantId') participantId: string, @Query() q: Record<string, string>, @Req() req: AuthenticatedRequest): Promise<AssessmentComparison> {
    return this.forward(req, 'GET', `${base(participantId)}/barriers/comparison${query(q)}`);
  }

  @Get('barriers/:number')
  @Roles(...IntakeAccess.readBarriers)
  @AuditRead('assessment.barriers')
  @ApiOkResponse({ description: 'One barriers assessment: severities, notes, and the suggested supportive services' })
  barriers(@Param('participantId') participantId: string, @Param('number') number: string, @Req() req: AuthenticatedRequest): Promise<AssessmentRecord> {
    return this.forward(req, 'GET', `${base(participantId)}/barriers/${encodeURIComponent(number)}`);
  }

  @Get('job-readiness/:number/personal-readiness')
  @Roles(...IntakeAccess.readPersonalReadiness)
  @AuditRead('assessment.personal-readiness')
  @ApiOkResponse({ description: 'The checklist (the default items, unmet, at revision 0 before the first save)' })
  @ApiForbiddenResponse({ description: 'Anyone but the case manager, supervisors included' })
  personalReadiness(@Param('participantId') participantId: string, @Param('number') number: string, @Req() req: AuthenticatedRequest): Promise<PersonalReadinessRecord> {
    return this.forward(req, 'GET', `${base(participantId)}/job-readiness/${encodeURIComponent(number)}/personal-readiness`);
  }

  @Put('job-readiness/:number/personal-readiness')
  @Roles(...IntakeAccess.writePersonalReadiness)
  @ApiBody({ schema: jsonSchema(personalReadinessRequestSchema) })
  @ApiOkResponse({ description: 'Saved as the next revision; the earlier list is kept' })
  @ApiForbiddenResponse({ description: 'Anyone but the case manager' })
  savePersonalReadiness(
    @Param('participantId') participantId: string,
    @Param('number') number: string,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
  ): Promise<PersonalReadinessRecord> {
    return this.forward(req, 'PUT', `${base(participantId)}/job-readiness/${encodeURIComponent(number)}/personal-readiness`, body);
  }

  @Get(':kind/comparison')
  @Roles(...IntakeAccess.readAssessments)
  @ApiParam(kindParam)
  @ApiQuery(comparisonQueries[0])
  @ApiQuery(comparisonQueries[1])
  @ApiOkResponse({ description: 'RIASEC score deltas and primary change; readiness change per criterion; new credentials and jobs' })
  compare(
    @Param('participantId') participantId: string,
    @Param('kind') kind: string,
    @Query() q: Record<string, string>,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentComparison> {
    return this.forward(req, 'GET', `${base(participantId)}/${encodeURIComponent(kind)}/comparison${query(q)}`);
  }

  @Get(':kind')
  @Roles(...IntakeAccess.readAssessments)
  @ApiParam(kindParam)
  @ApiOkResponse({ description: 'The series of the kind, newest first' })
  series(@Param('participantId') participantId: string, @Param('kind') kind: string, @Req() req: AuthenticatedRequest): Promise<AssessmentSeries> {
    return this.forward(req, 'GET', `${base(participantId)}/${encodeURIComponent(kind)}`);
  }

  @Get(':kind/:number')
  @Roles(...IntakeAccess.readAssessments)
  @ApiParam(kindParam)
  @ApiOkResponse({ description: 'One assessment: answers and result' })
  get(
    @Param('participantId') participantId: string,
    @Param('kind') kind: string,
    @Param('number') number: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<AssessmentRecord> {
    return this.forward(req, 'GET', `${base(participantId)}/${encodeURIComponent(kind)}/${encodeURIComponent(number)}`);
  }
}
