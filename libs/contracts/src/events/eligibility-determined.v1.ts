import { z } from 'zod/v4';
import { defineEvent } from '../envelope';
import { programCodeSchema } from '../programs';
import { Topics } from '../topics';

/**
 * Eligibility was determined for every active program from one set of answers. Carries
 * only outcomes: no answers, income figures or reasons (read them from intake, audited).
 */
export const eligibilityDeterminedV1 = defineEvent(
  'intake.eligibility.determined',
  1,
  Topics.intake,
  z.object({
    participantId: z.string().min(1),
    determinationId: z.string().min(1),
    determinedAt: z.iso.datetime({ offset: true }),
    programs: z.array(
      z.object({
        program: programCodeSchema,
        status: z.enum(['eligible', 'not_eligible', 'undetermined']),
        expiresAt: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
);
export type EligibilityDeterminedV1 = z.infer<typeof eligibilityDeterminedV1.data>;
