import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  can,
  enrollRequestSchema,
  exitEnrollmentRequestSchema,
  IntakeAccess,
  type EnrollmentView,
  type EnrollRequest,
  type ExitEnrollmentRequest,
} from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { EnrollmentsService } from './enrollments.service';

const actorOf = (req: AuthenticatedRequest) => ({ username: req.user.username, seesEligibility: can(req.user.roles, 'readEligibility') });

@Controller('participants/:id/enrollments')
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeEnrollments)
  enroll(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(enrollRequestSchema)) body: EnrollRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<EnrollmentView> {
    return this.enrollments.enroll(id, body, actorOf(req));
  }

  @Post(':enrollmentId/exit')
  @HttpCode(200)
  @Roles(...IntakeAccess.writeEnrollments)
  exit(
    @Param('id') id: string,
    @Param('enrollmentId') enrollmentId: string,
    @Body(new ZodValidationPipe(exitEnrollmentRequestSchema)) body: ExitEnrollmentRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<EnrollmentView> {
    return this.enrollments.exit(id, enrollmentId, body, actorOf(req));
  }

  @Get()
  @Roles(...IntakeAccess.readEnrollments)
  list(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<EnrollmentView[]> {
    return this.enrollments.list(id, actorOf(req));
  }
}
