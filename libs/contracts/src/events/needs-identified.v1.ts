import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { BARRIER_AREAS, BARRIER_SEVERITIES } from '../api/assessments';

/**
 * A barriers-and-needs assessment was completed: every area at severity low or above with the
 * code of the supportive service suggested for it (an empty list: no needs any more). Never
 * carries the free-text notes.
 */
export const needsIdentifiedV1 = defineEvent(
  'intake.needs.identified',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    assessmentId: z.string().min(1),
    needs: z.array(
      z
        .object({
          area: z.enum(BARRIER_AREAS),
          severity: z.enum(BARRIER_SEVERITIES).exclude(['none']),
          suggestedService: z.string().regex(/^[a-z0-9_]+$/),
          urgency: z.enum(['routine', 'soon', 'same_day']),
        })
        .strict(),
    ),
  }),
);
export type NeedsIdentifiedV1 = z.infer<typeof needsIdentifiedV1.data>;
