import { Controller, Get, Query, Req } from '@nestjs/common';
import type { z } from 'zod/v4';
import { dueQuerySchema, IntakeAccess, type DueAssessment, type InterestItemView, type Page } from '@waypoint/contracts';
import { INTEREST_ITEMS, RIASEC_AREA_NAMES } from '@waypoint/intake-domain';
import { Roles, validationError, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { AssessmentsService } from './assessments.service';

/** Across participants: the reassessment due list, and the interest items for the form. */
@Controller('assessments')
export class AssessmentsDirectoryController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get('due')
  @Roles(...IntakeAccess.readAssessments)
  due(@Query(new ZodValidationPipe(dueQuerySchema)) query: z.infer<typeof dueQuerySchema>, @Req() req: AuthenticatedRequest): Promise<Page<DueAssessment>> {
    let cursor: [string, string] | undefined;
    if (query.cursor) {
      cursor = decodeDueCursor(query.cursor) ?? undefined;
      if (!cursor) throw validationError([{ field: 'cursor', message: 'Cursor is not one this service issued' }]);
    }
    return this.assessments.due({ ...query, cursor }, req.user.roles);
  }

  @Get('interest-items')
  @Roles(...IntakeAccess.readAssessments)
  interestItems(): InterestItemView[] {
    return INTEREST_ITEMS.map((i) => ({ id: i.id, area: i.area, areaName: RIASEC_AREA_NAMES[i.area], text: i.text }));
  }
}

function decodeDueCursor(cursor: string): [string, string] | null {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === 'string') ? (key as [string, string]) : null;
  } catch {
    return null;
  }
}
