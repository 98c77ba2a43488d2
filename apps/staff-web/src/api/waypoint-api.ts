import type {
  LoginRequest,
  LoginResponse,
  Page,
  ParticipantDetail,
  ParticipantPage,
  ParticipantSummary,
  RegisterParticipantRequest,
  StaffUserView,
} from '@waypoint/contracts';
import type { HttpClient } from './http-client';

export interface ReferenceData {
  offices: { code: string; name: string }[];
  programs: { code: string; label: string }[];
}

export interface ListParticipantsQuery {
  q?: string;
  cursor?: string | null;
  limit?: number;
}

/** The gateway's endpoints, typed with the shared contracts. */
export function createWaypointApi(http: HttpClient) {
  return {
    login: (body: LoginRequest, signal?: AbortSignal) =>
      http.request<LoginResponse>('POST', '/auth/login', { body, signal, anonymous: true }),
    me: (signal?: AbortSignal) => http.request<StaffUserView>('GET', '/auth/me', { signal }),
    reference: (signal?: AbortSignal) => http.request<ReferenceData>('GET', '/reference', { signal }),
    listParticipants: ({ q, cursor, limit = 50 }: ListParticipantsQuery, signal?: AbortSignal) =>
      http.request<Page<ParticipantSummary>>('GET', '/participants', { query: { limit, cursor, q }, signal }),
    /** `idempotencyKey`: one per submission, reused by its retries, so a retry never registers twice. */
    registerParticipant: (body: RegisterParticipantRequest, signal?: AbortSignal, idempotencyKey?: string) =>
      http.request<ParticipantDetail>('POST', '/participants', {
        body,
        signal,
        ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
      }),
    getParticipant: (id: string, signal?: AbortSignal) =>
      http.request<ParticipantPage>('GET', `/participants/${encodeURIComponent(id)}`, { signal }),
  };
}

export type WaypointApi = ReturnType<typeof createWaypointApi>;
