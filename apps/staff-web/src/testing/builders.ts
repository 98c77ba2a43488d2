import { installFakeFetch, type FakeFetch } from './fake-fetch';
import type {
  AssessmentLatest,
  DuplicateCandidate,
  DuplicateConflictBody,
  EligibilityDeterminationView,
  EnrollmentView,
  JourneyStateView,
  LoginResponse,
  ParticipantDetail,
  ParticipantPage,
  ParticipantSummary,
  ProgramEligibilityView,
  StaffUserView,
} from '@waypoint/contracts';
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

export const aDuplicateCandidate = (
  participant: Partial<ParticipantSummary> = {},
  overrides: Partial<Omit<DuplicateCandidate, 'participant'>> = {},
): DuplicateCandidate => ({
  participant: aParticipant({ id: 'p-9', office: 'EST', ...participant }),
  score: 85,
  level: 'likely',
  reasons: [{ rule: 'name-dob', detail: 'Same name and date of birth', weight: 70 }],
  ...overrides,
});

export const aDuplicateConflict = (candidates: DuplicateCandidate[] = [aDuplicateCandidate()]): DuplicateConflictBody => ({
  statusCode: 409,
  error: 'Conflict',
  code: 'possible-duplicate',
  message: 'This person may already be on file (1 likely match).',
  candidates,
  reviewRequiredFor: candidates.filter((c) => c.level !== 'possible').map((c) => c.participant.id),
});

export const anEnrollment = (overrides: Partial<EnrollmentView> = {}): EnrollmentView => ({
  id: 'e-1',
  participantId: 'p-5',
  program: 'WIOA_ADULT',
  label: 'WIOA Adult',
  office: 'DTW',
  status: 'open',
  enrolledOn: '2026-01-12',
  enrolledBy: 'case.manager',
  eligibility: { determinationId: 'd-1', status: 'eligible', determinedAt: '2026-01-10T15:00:00.000Z', expiresAt: '2026-02-24T15:00:00.000Z' },
  ...overrides,
});

export const aProgramEligibility = (overrides: Partial<ProgramEligibilityView> = {}): ProgramEligibilityView => ({
  program: 'WIOA_ADULT',
  label: 'WIOA Adult',
  status: 'eligible',
  reasons: [{ ruleId: 'age', kind: 'age', outcome: 'passed', message: 'Age 35 is at least 18' }],
  expiresAt: '2099-01-01T00:00:00.000Z',
  ...overrides,
});

export const aDetermination = (results: ProgramEligibilityView[] = [aProgramEligibility()]): EligibilityDeterminationView => ({
  id: 'd-2',
  participantId: 'p-5',
  answers: {},
  results,
  determinedAt: '2026-01-10T15:00:00.000Z',
  determinedBy: 'intake.worker',
});

export const anAssessmentLatest = (overrides: Partial<AssessmentLatest> = {}): AssessmentLatest => ({
  id: 'a-1',
  participantId: 'p-5',
  kind: 'interest-profile',
  number: 1,
  schemaVersion: 1,
  completedAt: '2026-01-12T15:00:00.000Z',
  completedBy: 'case.manager',
  reassessmentDueOn: '2099-01-12',
  previousId: null,
  summary: {},
  due: false,
  ...overrides,
});

/** A live journey in services, one month after enrollment, as GET /participants/:id/journey answers. */
export const aJourney = (overrides: Partial<JourneyStateView> = {}): JourneyStateView => ({
  live: true,
  participantId: 'p-5',
  workflowId: 'journey-p-5',
  phase: 'services',
  asOf: '2026-03-02',
  lastServiceOn: '2026-02-20',
  daysSinceLastService: 10,
  lastContactOn: '2026-02-25',
  planSignedAt: '2026-02-01T15:00:00.000Z',
  employmentStartOn: null,
  deadlines: [{ kind: 'contact_due', dueOn: '2099-03-27', label: 'Monthly contact due', program: 'WIOA_ADULT' }],
  openTasks: [],
  history: [
    { sequence: 1, phase: 'intake', at: '2026-01-05T15:00:00.000Z' },
    { sequence: 2, phase: 'planning', at: '2026-01-12T15:00:00.000Z' },
    { sequence: 3, phase: 'services', at: '2026-02-01T15:00:00.000Z' },
  ],
  enrollments: [{ enrollmentId: 'e-1', program: 'WIOA_ADULT', enrolledOn: '2026-01-12' }],
  exitProposal: null,
  exit: null,
  ...overrides,
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
export function signedInAt(hash: string, user: StaffUserView = aUser()): FakeFetch {
  resetPage();
  storeSession({ user });
  window.location.hash = hash;
  return installFakeFetch({
    'GET /api/auth/me': { status: 200, body: user },
    'GET /api/reference': { status: 200, body: reference },
  });
}
