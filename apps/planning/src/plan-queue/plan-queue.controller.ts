import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod/v4';
import type { Page } from '@waypoint/contracts';
import { Roles, validationError, ZodValidationPipe } from '@waypoint/platform';
import { decodePlanQueueCursor } from './plan-queue.cursor';
import { PlanQueueRepository, type PlanQueueItem } from './plan-queue.repository';

/** Who works the plan queue. The gateway checks the same roles. */
export const PLAN_QUEUE_ROLES = ['case_manager', 'supervisor', 'admin'];

const planQueueQuerySchema = z
  .object({
    office: z.string().trim().min(1).max(80).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

@Controller('plan-queue')
export class PlanQueueController {
  constructor(private readonly queue: PlanQueueRepository) {}

  @Get()
  @Roles(...PLAN_QUEUE_ROLES)
  list(
    @Query(new ZodValidationPipe(planQueueQuerySchema)) query: z.infer<typeof planQueueQuerySchema>,
  ): Promise<Page<PlanQueueItem>> {
    const cursor = query.cursor === undefined ? undefined : decodePlanQueueCursor(query.cursor);
    if (cursor === null) throw validationError([{ field: 'cursor', message: 'Cursor is not one this service issued' }]);
    return this.queue.page({ office: query.office, limit: query.limit, cursor });
  }
}
