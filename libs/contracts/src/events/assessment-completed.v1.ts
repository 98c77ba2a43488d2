import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { assessmentKindSchema } from '../api/assessments';

/**
 * An assessment of one kind was completed (a new number in the participant's series). The
 * summary is deliberately small and never sensitive: nothing from barriers (see
 * intake.needs.identified) and nothing from the personal-readiness checklist.
 */
export const assessmentCompletedV1 = defineEvent(
  'intake.assessment.completed',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    assessmentId: z.string().min(1),
    kind: assessmentKindSchema,
    number: z.number().int().positive(),
    schemaVersion: z.number().int().positive(),
    completedAt: z.iso.datetime({ offset: true }),
    reassessmentDueOn: z.iso.date(),
    summary: z
      .object({
        /** interest profile: Holland code, e.g. "SEC", and the chosen job zone */
        riasecCode: z.string().regex(/^[RIASEC]{3}$/).optional(),
        jobZone: z.number().int().min(1).max(5).optional(),
        /** job readiness: averages of the 1-4 ratings */
        staffAverage: z.number().min(1).max(4).optional(),
        selfAverage: z.number().min(1).max(4).optional(),
      })
      .strict(),
  }),
);
export type AssessmentCompletedV1 = z.infer<typeof assessmentCompletedV1.data>;
