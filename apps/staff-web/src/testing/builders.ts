import { installFakeFetch, type FakeFetch } from './fake-fetch';
import type { LoginResponse, ParticipantDetail, ParticipantPage, ParticipantSummary, StaffUserView } from '@waypoint/contracts';
import type { ReferenceData } from '../api';
import { SESSION_STORAGE_KEY, StaffSession } from '../features/auth/session-store';

export const aUser = (overrides: Partial<StaffUserView> = {}): StaffUserView => ({
  id: 'u-intake',
  username: 'intake.worker',
  displayName: 'Ines Intake',
  roles: ['intake_worker'],
  office: 'DTW',
  ...overrides,
});

export const aLoginResponse = (overrides: Partial<LoginResponse> = {}): LoginResponse => ({
  accessToken: 'token-1',
  tokenType: 'Bearer',
  expiresIn: 3600,
  user: aUser(),
  ...overrides,
});

export const reference: ReferenceData = {
  offices: [
    { code: 'DTW', name: 'Downtown AJC' },
    { code: 'EST', name: 'Eastside AJC' },
  ],
  programs: [
    { code: 'WIOA_ADULT', label: 'WIOA Adult' },
    { code: 'WIOA_YOUTH', label: 'WIOA Youth' },
    { code: 'SNAP_ET', label: 'SNAP E&T' },
  ],
};

export const aParticipant = (overrides: Partial<ParticipantSummary> = {}): ParticipantSummary => ({
  id: 'p-1',
  firstName: 'Avery',
  lastName: 'Jones',
  dateOfBirth: '1990-04-15',
  office: 'DTW',
  programsOfInterest: ['WIOA_ADULT'],
  phase: 'intake',
  registeredAt: '2025-11-20T15:00:00.000Z',
  ...overrides,
});

export const aParticipantDetail = (overrides: Partial<ParticipantDetail> = {}): ParticipantDetail => ({
  ...aParticipant(),
  email: 'avery@example.org',
  registeredBy: 'intake.worker',
  ...overrides,
});

export const aParticipantPage = (
  participant: Partial<ParticipantDetail> = {},
  journey: Partial<ParticipantPage['journey']> = {},
): ParticipantPage => ({
  participant: aParticipantDetail(participant),
  journey: { workflowId: `journey-${participant.id ?? 'p-1'}`, phase: 'intake', live: true, ...journey },
});

/** Puts a signed-in session in sessionStorage, as if the page had been reloaded. */
export function storeSession(overrides: Partial<StaffSession> = {}): StaffSession {
  const session: StaffSession = { accessToken: 'stored-token', expiresAt: Date.now() + 3600_000, user: aUser(), ...overrides };
  window.sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  return session;
}

/** Back to a clean page between tests. */
export function resetPage(): void {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
}

/**
 * A signed-in staff user on `hash`, with the calls every screen makes on load answered
 * (`/auth/me`, `/reference`). Returns the fake fetch for the test's own routes.
 */
export function signedInAt(hash: string): FakeFetch {
  resetPage();
  storeSession();
  window.location.hash = hash;
  return installFakeFetch({
    'GET /api/auth/me': { status: 200, body: aUser() },
    'GET /api/reference': { status: 200, body: reference },
  });
}
