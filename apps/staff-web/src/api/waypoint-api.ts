import type {
  AssessmentKind,
  ConfirmExitRequest,
  AssessmentOverview,
  AssessmentRecord,
  DuplicateCheckRequest,
  DuplicateCheckResponse,
  EligibilityDeterminationView,
  EnrollmentView,
  JourneyStateView,
  LoginRequest,
  LoginResponse,
  Page,
  ParticipantDetail,
  ParticipantPage,
  ParticipantSummary,
  ReferenceData,
  RegisterParticipantRequest,
  ReopenJourneyRequest,
  StaffUserView,
} from '@waypoint/contracts';
import type { HttpClient } from './http-client';

/** Active offices and programs, as the intake service's configuration lists them (GET /reference). */
export type { ReferenceData };

export interface ListParticipantsQuery {
  q?: string;
  cursor?: string | null;
  limit?: number;
}

const idempotent = (key: string) => ({ headers: { 'Idempotency-Key': key } });

const participantPath = (id: string, rest = '') => `/participants/${encodeURIComponent(id)}${rest}`;

/** The gateway's endpoints, typed with the shared contracts. */
export function createWaypointApi(http: HttpClient) {
  return {
    login: (body: LoginRequest, signal?: AbortSignal) =>
      http.request<LoginResponse>('POST', '/auth/login', { body, signal, anonymous: true }),
    me: (signal?: AbortSignal) => http.request<StaffUserView>('GET', '/auth/me', { signal }),
    reference: (signal?: AbortSignal) => http.request<ReferenceData>('GET', '/reference', { signal }),
    listParticipants: ({ q, cursor, limit = 50 }: ListParticipantsQuery, signal?: AbortSignal) =>
      http.request<Page<ParticipantSummary>>('GET', '/participants', { query: { limit, cursor, q }, signal }),
    /** Search before create: people on file who may be this person, best first. */
    duplicateCheck: (body: DuplicateCheckRequest, signal?: AbortSignal) =>
      http.request<DuplicateCheckResponse>('POST', '/participants/duplicate-check', { body, signal }),
    /**
     * `idempotencyKey`: one per submission, reused by its retries (and by the resend after a
     * duplicate review), so a retry never registers twice. A likely duplicate answers 409
     * with code `possible-duplicate` (DuplicateConflictBody in the error's `body`).
     */
    registerParticipant: (body: RegisterParticipantRequest, signal?: AbortSignal, idempotencyKey?: string) =>
      http.request<ParticipantDetail>('POST', '/participants', {
        body,
        signal,
        ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
      }),
    getParticipant: (id: string, signal?: AbortSignal) => http.request<ParticipantPage>('GET', participantPath(id), { signal }),
    listEnrollments: (id: string, signal?: AbortSignal) =>
      http.request<EnrollmentView[]>('GET', participantPath(id, '/enrollments'), { signal }),
    /** Every determination of the person, latest first (an audited read). */
    listEligibility: (id: string, signal?: AbortSignal) =>
      http.request<EligibilityDeterminationView[]>('GET', participantPath(id, '/eligibility'), { signal }),
    assessmentOverview: (id: string, signal?: AbortSignal) =>
      http.request<AssessmentOverview>('GET', participantPath(id, '/assessments'), { signal }),
    /** The live journey; 404 (JourneyNotStartedBody) while it has not started. */
    getJourney: (id: string, signal?: AbortSignal) => http.request<JourneyStateView>('GET', participantPath(id, '/journey'), { signal }),
    /** 422 with the journey's reason when it turns the exit down; `idempotencyKey` one per submission. */
    confirmExit: (id: string, body: ConfirmExitRequest, idempotencyKey: string, signal?: AbortSignal) =>
      http.request<JourneyStateView>('POST', participantPath(id, '/journey/exit-confirmation'), { body, signal, ...idempotent(idempotencyKey) }),
    reopenJourney: (id: string, body: ReopenJourneyRequest, idempotencyKey: string, signal?: AbortSignal) =>
      http.request<JourneyStateView>('POST', participantPath(id, '/journey/reopen'), { body, signal, ...idempotent(idempotencyKey) }),
    getAssessment: (id: string, kind: AssessmentKind, number: number, signal?: AbortSignal) =>
      http.request<AssessmentRecord>('GET', participantPath(id, `/assessments/${kind}/${number}`), { signal }),
  };
}

export type WaypointApi = ReturnType<typeof createWaypointApi>;
