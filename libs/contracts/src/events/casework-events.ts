import { z } from 'zod/v4';
import { defineEvent, type EventContract } from '../envelope';
import { CONTACT_TYPES, SERVICE_CATEGORIES, SERVICE_STATUSES } from '../journey';
import { programCodeSchema } from '../programs';
import { Topics } from '../topics';

// Events of the casework services that move a participant's journey: planning (plan,
// services, contacts), training (enrolment, completion, credentials), matching (placement)
// and follow-up (contacts after exit). The journey bridge turns each into a signal.

const id = z.string().min(1);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const staffId = z.string().min(1);

/** A version of the individual employment plan became active: the participant acknowledged it. */
export const planActivatedV1 = defineEvent(
  'planning.plan.activated',
  1,
  Topics.planning,
  z.object({
    participantId: id,
    planId: id,
    planVersion: z.number().int().positive(),
    acknowledgedAt: isoDateTime,
    acknowledgement: z.enum(['signature', 'verbal']),
    activatedBy: staffId,
  }),
);
export type PlanActivatedV1 = z.infer<typeof planActivatedV1.data>;

/**
 * A service was recorded, scheduled, started, delivered or cancelled (same `serviceId`
 * throughout its life). `startOn` is the service date (or first day); `endOn` the last day
 * (expected, while in progress).
 */
export const serviceRecordedV1 = defineEvent(
  'planning.service.recorded',
  1,
  Topics.planning,
  z.object({
    participantId: id,
    serviceId: id,
    program: programCodeSchema,
    category: z.enum(SERVICE_CATEGORIES),
    /** The agency's service code or name, e.g. "Résumé workshop". */
    service: z.string().min(1).max(120),
    status: z.enum(SERVICE_STATUSES),
    startOn: isoDate,
    endOn: isoDate.optional(),
    recordedBy: staffId,
  }),
);
export type ServiceRecordedV1 = z.infer<typeof serviceRecordedV1.data>;

/** A case-management contact with the participant (resets the monthly-contact clock, not the exit clock). */
export const contactRecordedV1 = defineEvent(
  'planning.contact.recorded',
  1,
  Topics.planning,
  z.object({
    participantId: id,
    contactId: id,
    contactType: z.enum(CONTACT_TYPES),
    contactOn: isoDate,
    program: programCodeSchema.optional(),
    recordedBy: staffId,
  }),
);
export type ContactRecordedV1 = z.infer<typeof contactRecordedV1.data>;

/** The participant started a training (PIRL 1302 start date); open until completed. */
export const trainingEnrolledV1 = defineEvent(
  'training.enrollment.started',
  1,
  Topics.training,
  z.object({
    participantId: id,
    trainingEnrollmentId: id,
    program: programCodeSchema,
    course: z.string().min(1).max(160),
    startOn: isoDate,
    expectedEndOn: isoDate.optional(),
  }),
);
export type TrainingEnrolledV1 = z.infer<typeof trainingEnrolledV1.data>;

/** The training ended (PIRL 1308): completed, or withdrawn. */
export const trainingCompletedV1 = defineEvent(
  'training.enrollment.ended',
  1,
  Topics.training,
  z.object({
    participantId: id,
    trainingEnrollmentId: id,
    endOn: isoDate,
    outcome: z.enum(['completed', 'withdrawn']),
  }),
);
export type TrainingCompletedV1 = z.infer<typeof trainingCompletedV1.data>;

/** A recognised credential was earned (PIRL 1800-1810). */
export const credentialEarnedV1 = defineEvent(
  'training.credential.earned',
  1,
  Topics.training,
  z.object({
    participantId: id,
    credentialId: id,
    name: z.string().min(1).max(160),
    credentialType: z.enum(['secondary_diploma', 'postsecondary_degree', 'certificate', 'license', 'apprenticeship', 'other']),
    earnedOn: isoDate,
  }),
);
export type CredentialEarnedV1 = z.infer<typeof credentialEarnedV1.data>;

/** The participant was placed in a job (or, after exit, reported a job). */
export const placementRecordedV1 = defineEvent(
  'matching.placement.recorded',
  1,
  Topics.matching,
  z.object({
    participantId: id,
    placementId: id,
    employer: z.string().min(1).max(160),
    occupationCode: z.string().regex(/^\d{2}-\d{4}(\.\d{2})?$/).optional(),
    /** First day of employment. */
    startOn: isoDate,
    hourlyWage: z.number().nonnegative().optional(),
    hoursPerWeek: z.number().positive().max(80).optional(),
    /** Unsubsidized employment starts WIOA Adult/DW follow-up. */
    unsubsidized: z.boolean(),
  }),
);
export type PlacementRecordedV1 = z.infer<typeof placementRecordedV1.data>;

/** A follow-up contact after exit (retention help, advancement, employment check). */
export const followUpContactRecordedV1 = defineEvent(
  'followup.contact.recorded',
  1,
  Topics.followup,
  z.object({
    participantId: id,
    contactId: id,
    contactType: z.enum(CONTACT_TYPES),
    contactOn: isoDate,
    /** What the participant reported about work, when asked. */
    employed: z.boolean().optional(),
    recordedBy: staffId,
  }),
);
export type FollowUpContactRecordedV1 = z.infer<typeof followUpContactRecordedV1.data>;

export const CASEWORK_EVENTS: readonly EventContract[] = [
  planActivatedV1,
  serviceRecordedV1,
  contactRecordedV1,
  trainingEnrolledV1,
  trainingCompletedV1,
  credentialEarnedV1,
  placementRecordedV1,
  followUpContactRecordedV1,
];
