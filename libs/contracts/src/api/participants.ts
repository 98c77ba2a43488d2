import type { JourneyPhase } from '../participant';
import type { ProgramCode } from '../programs';

export interface ParticipantSummary {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  office: string;
  programsOfInterest: ProgramCode[];
  /** From the journey read model; `null` until the journey's first phase event arrives. */
  phase: JourneyPhase | null;
  registeredAt: string;
}

export interface ParticipantDetail extends ParticipantSummary {
  email?: string;
  phone?: string;
  address?: { line1: string; city: string; state: string; postalCode: string };
  registeredBy: string;
}

/** The participant page: the record plus the phase read live from the journey workflow. */
export interface ParticipantPage {
  participant: ParticipantDetail;
  journey: { workflowId: string; phase: JourneyPhase | null; live: boolean; error?: string };
}

/** Keyset page: pass `nextCursor` back as `cursor` to get the following page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Body of every 400/422 answer. */
export interface ValidationErrorBody {
  statusCode: 400 | 422;
  error: 'Bad Request' | 'Unprocessable Entity';
  message: string;
  errors: FieldError[];
}
