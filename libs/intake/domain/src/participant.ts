import type { ProgramCode, RegisterParticipantRequest } from '@waypoint/contracts';

/** A person known to the agency: one record across programs and offices. */
export interface Participant {
  id: string;
  firstName: string;
  lastName: string;
  /** Case- and accent-insensitive keys for sorting and prefix search. */
  firstNameKey: string;
  lastNameKey: string;
  /** Every word of both names, folded: "Ana María Núñez" → ana, maria, nunez. Serves name search. */
  nameTokens: string[];
  dateOfBirth: string;
  email?: string;
  phone?: string;
  address?: { line1: string; city: string; state: string; postalCode: string };
  office: string;
  programsOfInterest: ProgramCode[];
  registeredAt: Date;
  registeredBy: string;
}

/** Lower-case, accents removed, runs of space/punctuation folded: "  O'Brien-Núñez " → "o brien nunez". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The distinct folded words of a name, for prefix search on any of them. */
export function nameTokens(name: string): string[] {
  return [...new Set(nameKey(name).split(' ').filter(Boolean))];
}

/** Digits only, US numbers without the leading country code, so the same phone always matches. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Creates the participant from validated registration answers. */
export function registerParticipant(
  input: RegisterParticipantRequest,
  ids: { id: string; registeredBy: string; now: Date },
): Participant {
  const firstName = input.firstName.trim().replace(/\s+/g, ' ');
  const lastName = input.lastName.trim().replace(/\s+/g, ' ');
  return {
    id: ids.id,
    firstName,
    lastName,
    firstNameKey: nameKey(firstName),
    lastNameKey: nameKey(lastName),
    nameTokens: nameTokens(`${firstName} ${lastName}`),
    dateOfBirth: input.dateOfBirth,
    ...(input.email ? { email: input.email.trim().toLowerCase() } : {}),
    ...(input.phone ? { phone: normalisePhone(input.phone) } : {}),
    ...(input.address ? { address: input.address } : {}),
    office: input.office,
    programsOfInterest: [...new Set(input.programsOfInterest)].sort() as ProgramCode[],
    registeredAt: ids.now,
    registeredBy: ids.registeredBy,
  };
}
