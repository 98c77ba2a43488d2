import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { enrollRequestSchema, exitEnrollmentRequestSchema, IntakeAccess, type EnrollmentView } from '@waypoint/contracts';
import { Roles, type AuthenticatedRequest } from '@waypoint/platform';
import { jsonSchema } from '../openapi/json-schema';
import { IntakeForwarder } from '../participants/intake-forwarder';

/** Enrollments in programs (several at once), each with the eligibility frozen when it was made. */
@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('participants/:id/enrollments')
export class EnrollmentsController extends IntakeForwarder {
  private path(id: string, rest = ''): string {
    return `/participants/${encodeURIComponent(id)}/enrollments${rest}`;
  }

  @Post()
  @HttpCode(201)
  @Roles(...IntakeAccess.writeEnrollments)
  @ApiBody({ schema: jsonSchema(enrollRequestSchema) })
  @ApiCreatedResponse({ description: 'Enrolled; the eligibility snapshot is frozen on the enrollment' })
  @ApiBadRequestResponse({ description: 'Malformed fields; nothing was written' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive program, or no eligible and unexpired determination for it; nothing was written' })
  @ApiConflictResponse({ description: 'Already enrolled in this program (an open enrollment)' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  @ApiForbiddenResponse({ description: 'Role may not enroll' })
  enroll(@Param('id') id: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<EnrollmentView> {
    return this.forward(req, 'POST', this.path(id), body);
  }

  @Post(':enrollmentId/exit')
  @HttpCode(200)
  @Roles(...IntakeAccess.writeEnrollments)
  @ApiBody({ schema: jsonSchema(exitEnrollmentRequestSchema) })
  @ApiOkResponse({ description: 'The enrollment, closed' })
  @ApiUnprocessableEntityResponse({ description: 'Already exited, or the exit date is before the enrollment or in the future' })
  @ApiNotFoundResponse({ description: 'No such participant or enrollment' })
  exit(@Param('id') id: string, @Param('enrollmentId') enrollmentId: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<EnrollmentView> {
    return this.forward(req, 'POST', this.path(id, `/${encodeURIComponent(enrollmentId)}/exit`), body);
  }

  @Get()
  @Roles(...IntakeAccess.readEnrollments)
  @ApiOkResponse({ description: 'Every enrollment, latest first; eligibility reasons and answers only for roles that may read eligibility' })
  @ApiNotFoundResponse({ description: 'No such participant' })
  list(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<EnrollmentView[]> {
    return this.forward(req, 'GET', this.path(id));
  }
}
