import { z } from 'zod/v4';
import { programCodeSchema } from './programs';

const phoneRegex = /^\+?[0-9 ().-]{7,20}$/;

function isPlausibleBirthDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return true; // the format check reports it
  const now = new Date();
  const age = (now.getTime() - date.getTime()) / (365.25 * 24 * 3600 * 1000);
  return age >= 14 && age <= 110;
}

const firstNameField = z.string().trim().min(1, 'First name is required').max(80);
const lastNameField = z.string().trim().min(1, 'Last name is required').max(80);
const dateOfBirthField = z.iso
  .date('Date of birth must be a real date in the form YYYY-MM-DD')
  .refine(isPlausibleBirthDate, 'Date of birth must give an age between 14 and 110');
const emailField = z.email('E-mail address is not valid').max(200);
const phoneField = z.string().trim().regex(phoneRegex, 'Phone number is not valid');
const addressField = z
  .object({
    line1: z.string().trim().min(1, 'Street address is required').max(120),
    city: z.string().trim().min(1, 'City is required').max(80),
    state: z.string().trim().regex(/^[A-Z]{2}$/, 'State must be a two-letter code'),
    postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'ZIP code must be 12345 or 12345-6789'),
  })
  .strict();
const officeField = z.string().trim().min(1, 'Office is required').max(80);
const programsField = z.array(programCodeSchema).min(1, 'Choose at least one program of interest').max(20);
/**
 * Social Security number, optional: 9 digits, dashes or spaces allowed. Its shape is
 * checked here, the impossible numbers (area 000/666/9xx, group 00, serial 0000) by the
 * intake service; both answer 400 on the `ssn` field, never repeating the number.
 */
const ssnField = z.string().trim().regex(/^\d{3}[- ]?\d{2}[- ]?\d{4}$/, 'An SSN has 9 digits, e.g. 123-45-6789');

/**
 * The worker's answer to the duplicate check: the candidates shown were reviewed and the
 * person is NOT one of them. Needed when any candidate is 'likely' or 'certain'; every such
 * candidate's id must be listed. (If the person IS one of them, link instead of registering.)
 */
export const duplicateReviewSchema = z
  .object({
    confirmedNotDuplicate: z.literal(true, 'Set confirmedNotDuplicate to true to register despite the candidates'),
    reviewedCandidateIds: z.array(z.string().trim().min(1).max(64)).min(1, 'List the candidates you reviewed').max(50),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type DuplicateReviewRequest = z.infer<typeof duplicateReviewSchema>;

const reachable = { message: 'Give an e-mail address or a phone number so the participant can be reached', path: ['email'] };

/** What an intake worker enters to register a participant. Validated at the owning service. */
export const registerParticipantSchema = z
  .object({
    firstName: firstNameField,
    lastName: lastNameField,
    dateOfBirth: dateOfBirthField,
    ssn: ssnField.optional(),
    email: emailField.optional(),
    phone: phoneField.optional(),
    address: addressField.optional(),
    office: officeField,
    programsOfInterest: programsField,
    duplicateReview: duplicateReviewSchema.optional(),
  })
  .strict()
  .refine((v) => v.email !== undefined || v.phone !== undefined, reachable);
export type RegisterParticipantRequest = z.infer<typeof registerParticipantSchema>;

/** Search before create: who might this person already be? */
export const duplicateCheckSchema = z
  .object({
    firstName: firstNameField,
    lastName: lastNameField,
    dateOfBirth: z.iso.date('Date of birth must be a real date in the form YYYY-MM-DD'),
    ssn: ssnField.optional(),
    email: emailField.optional(),
    phone: phoneField.optional(),
  })
  .strict();
export type DuplicateCheckRequest = z.infer<typeof duplicateCheckSchema>;

/**
 * Corrections and changes to a person's record. Give only the fields that change; `null`
 * clears e-mail, phone or address (one of e-mail and phone must remain). The version read
 * goes in the If-Match header (or `version`): a stale one answers 409.
 */
export const updateParticipantSchema = z
  .object({
    version: z.number().int().min(1).optional(),
    firstName: firstNameField.optional(),
    lastName: lastNameField.optional(),
    dateOfBirth: dateOfBirthField.optional(),
    email: emailField.nullable().optional(),
    phone: phoneField.nullable().optional(),
    address: addressField.nullable().optional(),
    office: officeField.optional(),
    programsOfInterest: programsField.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), { message: 'Give at least one field to change', path: ['(body)'] });
export type UpdateParticipantRequest = z.infer<typeof updateParticipantSchema>;

/** What a release of information may cover. */
export const CONSENT_SCOPES = ['contact', 'enrollment', 'assessments', 'barriers', 'employment', 'education'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
/** The longest a release may run, from the day it was signed. */
export const CONSENT_MAX_YEARS = 3;

/** `date` + `years` years, as YYYY-MM-DD (29 February falls back to 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const isoDay = (label: string) => z.iso.date(`${label} must be a real date in the form YYYY-MM-DD`);

/** A signed consent / release of information: which partner may see what, until when. */
export const recordConsentSchema = z
  .object({
    partner: z.string().trim().min(1, 'Name the partner organisation').max(200),
    purpose: z.string().trim().min(1, 'Say what the information is shared for').max(500),
    scopes: z
      .array(z.enum(CONSENT_SCOPES, `Scope must be one of: ${CONSENT_SCOPES.join(', ')}`))
      .min(1, 'Choose at least one kind of information')
      .max(CONSENT_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, 'Each scope once'),
    grantedOn: isoDay('Signed date'),
    expiresOn: isoDay('Expiry date'),
    signedBy: z.enum(['participant', 'guardian'], "signedBy must be 'participant' or 'guardian'"),
    documentRef: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    if (v.grantedOn > today) ctx.addIssue({ code: 'custom', path: ['grantedOn'], message: 'A consent cannot be signed in the future' });
    if (v.expiresOn <= v.grantedOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'The expiry date must be after the signed date' });
    } else if (v.expiresOn > addYears(v.grantedOn, CONSENT_MAX_YEARS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: `A consent may run at most ${CONSENT_MAX_YEARS} years (until ${addYears(v.grantedOn, CONSENT_MAX_YEARS)})`,
      });
    }
  });
export type RecordConsentRequest = z.infer<typeof recordConsentSchema>;

export const revokeConsentSchema = z
  .object({ reason: z.string().trim().min(1, 'Give the reason for revoking').max(500) })
  .strict();
export type RevokeConsentRequest = z.infer<typeof revokeConsentSchema>;

/** Open a group intake session: the facilitator is the worker who opens it. */
export const openIntakeSessionSchema = z
  .object({
    office: officeField,
    title: z.string().trim().min(1, 'Give the session a title').max(120),
    startsAt: z.iso.datetime({ offset: true, message: 'Start must be a date and time, e.g. 2026-03-02T09:30:00-06:00' }),
  })
  .strict();
export type OpenIntakeSessionRequest = z.infer<typeof openIntakeSessionSchema>;

/** Add a person who already has a record (found by the duplicate check) to a session. */
export const linkSessionAttendeeSchema = z
  .object({ participantId: z.string().trim().min(1, 'participantId is required').max(64) })
  .strict();
export type LinkSessionAttendeeRequest = z.infer<typeof linkSessionAttendeeSchema>;

/**
 * Journey phases, in order (the "4 Es"): intake, assessment, planning, services (education,
 * training, supportive services), placement (job search and placement), exited, follow_up,
 * closed. The journey workflow is the source of truth.
 */
export const JOURNEY_PHASES = ['intake', 'assessment', 'planning', 'services', 'placement', 'exited', 'follow_up', 'closed'] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];
