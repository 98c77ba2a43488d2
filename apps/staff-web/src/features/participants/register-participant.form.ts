import {
  duplicateCheckSchema,
  DuplicateCheckRequest,
  DuplicateReviewRequest,
  registerParticipantSchema,
  RegisterParticipantRequest,
} from '@waypoint/contracts';

/**
 * What the form holds: strings as typed, before trimming and leaving out empty optional parts.
 * The SSN is deliberately not here: it lives only in the screen's state, so it can never
 * reach the saved draft (see register-draft.store.ts) or anything else that keeps values.
 */
export interface RegisterFormValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  office: string;
  programsOfInterest: string[];
}

export const emptyRegisterForm = (office = ''): RegisterFormValues => ({
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  email: '',
  phone: '',
  line1: '',
  city: '',
  state: '',
  postalCode: '',
  office,
  programsOfInterest: [],
});

/** Field path of the request (as zod and the gateway name it) → id of the control on the form. */
export const FIELD_CONTROL_IDS: Record<string, string> = {
  firstName: 'firstName',
  lastName: 'lastName',
  dateOfBirth: 'dateOfBirth',
  ssn: 'ssn',
  email: 'email',
  phone: 'phone',
  address: 'address-line1',
  'address.line1': 'address-line1',
  'address.city': 'address-city',
  'address.state': 'address-state',
  'address.postalCode': 'address-postalCode',
  office: 'office',
  programsOfInterest: 'programsOfInterest',
  duplicateReview: 'confirmNotDuplicate',
};

/** Order of the fields on the form, for the error summary. */
const FIELD_ORDER = Object.keys(FIELD_CONTROL_IDS);

export type FieldErrors = Record<string, string>;

/** The request body: trimmed, with empty SSN/e-mail/phone and an all-empty address left out. */
export function toRequestInput(values: RegisterFormValues, ssn = ''): Record<string, unknown> {
  const blank = (s: string) => s.trim() === '';
  const input: Record<string, unknown> = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: values.dateOfBirth.trim(),
    office: values.office,
    programsOfInterest: values.programsOfInterest,
  };
  if (!blank(ssn)) input.ssn = ssn.trim();
  if (!blank(values.email)) input.email = values.email.trim();
  if (!blank(values.phone)) input.phone = values.phone.trim();
  const addressParts = [values.line1, values.city, values.state, values.postalCode];
  if (addressParts.some((part) => !blank(part))) {
    input.address = {
      line1: values.line1.trim(),
      city: values.city.trim(),
      state: values.state.trim().toUpperCase(),
      postalCode: values.postalCode.trim(),
    };
  }
  return input;
}

export type ValidationResult = { ok: true; request: RegisterParticipantRequest } | { ok: false; errors: FieldErrors };

/**
 * Client-side check with the very schema the intake service uses; first message per field.
 * `duplicateReview`: the worker's confirmation after a 409 possible-duplicate, sent as is.
 */
export function validateRegisterForm(values: RegisterFormValues, ssn = '', duplicateReview?: DuplicateReviewRequest): ValidationResult {
  const input = toRequestInput(values, ssn);
  if (duplicateReview) input.duplicateReview = duplicateReview;
  const parsed = registerParticipantSchema.safeParse(input);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldFor(issue.path.map(String).join('.'));
    if (!(field in errors)) errors[field] = issue.message;
  }
  // The schema's message for an empty date speaks of the format; say what is missing instead.
  if (errors.dateOfBirth && values.dateOfBirth.trim() === '') errors.dateOfBirth = 'Enter the date of birth';
  return { ok: false, errors };
}

/** The fields the duplicate check reads: a change to one of them may change who matches. */
export const IDENTITY_FIELDS: readonly (keyof RegisterFormValues)[] = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone'];

/**
 * The search-before-create request, once first name, last name and date of birth are valid
 * (otherwise null). SSN, e-mail and phone are added when each one is valid on its own, so a
 * half-typed phone number does not stop the search by name.
 */
export function duplicateCheckRequest(values: RegisterFormValues, ssn = ''): DuplicateCheckRequest | null {
  const fields = registerParticipantSchema.shape;
  const request: Record<string, string> = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: values.dateOfBirth.trim(),
  };
  // The registration's own field rules: no search for a birth date the form would reject anyway.
  const coreValid = (['firstName', 'lastName', 'dateOfBirth'] as const).every((f) => fields[f].safeParse(request[f]).success);
  if (!coreValid) return null;
  const optional = { ssn: ssn.trim(), email: values.email.trim(), phone: values.phone.trim() };
  for (const field of ['ssn', 'email', 'phone'] as const) {
    const value = optional[field];
    if (value && fields[field].safeParse(value).success) request[field] = value;
  }
  const parsed = duplicateCheckSchema.safeParse(request);
  return parsed.success ? parsed.data : null;
}

/**
 * Maps a dotted path from zod or from the gateway (`programsOfInterest.2`,
 * `address.postalCode`) to a field the form shows; unknown paths are kept as they are
 * and shown in the error summary only.
 */
export function fieldFor(path: string): string {
  if (path in FIELD_CONTROL_IDS) return path;
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    if (prefix in FIELD_CONTROL_IDS) return prefix;
  }
  return path;
}

/** Server field errors (dotted paths) → the form's field errors. */
export function fromServerErrors(fieldErrors: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = fieldFor(path);
    if (!(field in errors)) errors[field] = message;
  }
  return errors;
}

/** Errors in the order of the form, for the summary at the top. */
export function orderedErrors(errors: FieldErrors): { field: string; message: string; controlId: string | null }[] {
  const rank = (field: string) => {
    const i = FIELD_ORDER.indexOf(field);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, message]) => ({ field, message, controlId: FIELD_CONTROL_IDS[field] ?? null }));
}
