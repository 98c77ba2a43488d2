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

/** What an intake worker enters to register a participant. Validated at the owning service. */
export const registerParticipantSchema = z
  .object({
    firstName: z.string().trim().min(1, 'First name is required').max(80),
    lastName: z.string().trim().min(1, 'Last name is required').max(80),
    dateOfBirth: z.iso
      .date('Date of birth must be a real date in the form YYYY-MM-DD')
      .refine(isPlausibleBirthDate, 'Date of birth must give an age between 14 and 110'),
    email: z.email('E-mail address is not valid').max(200).optional(),
    phone: z.string().trim().regex(phoneRegex, 'Phone number is not valid').optional(),
    address: z
      .object({
        line1: z.string().trim().min(1, 'Street address is required').max(120),
        city: z.string().trim().min(1, 'City is required').max(80),
        state: z.string().trim().regex(/^[A-Z]{2}$/, 'State must be a two-letter code'),
        postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'ZIP code must be 12345 or 12345-6789'),
      })
      .strict()
      .optional(),
    office: z.string().trim().min(1, 'Office is required').max(80),
    programsOfInterest: z
      .array(programCodeSchema)
      .min(1, 'Choose at least one program of interest')
      .max(20),
  })
  .strict()
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    message: 'Give an e-mail address or a phone number so the participant can be reached',
    path: ['email'],
  });
export type RegisterParticipantRequest = z.infer<typeof registerParticipantSchema>;

/** Journey phases, in order. The journey workflow is the source of truth. */
export const JOURNEY_PHASES = ['intake', 'planning', 'services', 'placement', 'exited', 'follow_up', 'closed'] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];
