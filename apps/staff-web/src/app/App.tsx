import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ParticipantDetail, StaffUserView } from '@waypoint/contracts';
import { Alert } from '@waypoint/ui';
import { ApiContext, createHttpClient, createWaypointApi, useApi } from '../api';
import { canRegisterParticipants, roleLabel } from '../features/auth/roles';
import type { StaffSession } from '../features/auth/session-store';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useSession } from '../features/auth/useSession';
import { ParticipantScreen } from '../features/participants/ParticipantScreen';
import { ParticipantsListScreen } from '../features/participants/ParticipantsListScreen';
import { listSearch } from '../features/participants/list-search.store';
import { registerDraft } from '../features/participants/register-draft.store';
import { ReferenceProvider } from '../features/reference/ReferenceContext';
import { AppHeader, focusMainHeading } from './AppHeader';
import { hrefs } from './routes';
import { useHashRoute } from './useHashRoute';

// The form carries the zod schema (the largest library): load it when first needed, and
// fetch it in the background right after sign-in so opening the form stays instant.
const loadRegisterScreen = () => import('../features/participants/RegisterParticipantScreen');
const RegisterParticipantScreen = lazy(() => loadRegisterScreen().then((m) => ({ default: m.RegisterParticipantScreen })));

/** The staff web: sign-in, then the participant screens behind hash routes. */
export function App() {
  const auth = useSession();
  const api = useMemo(
    () => createWaypointApi(createHttpClient({ getToken: auth.getToken, onUnauthorized: auth.expire })),
    [auth.getToken, auth.expire],
  );

  const signOut = useCallback(() => {
    registerDraft.clear();
    listSearch.clear();
    auth.signOut();
  }, [auth.signOut]);

  return (
    <ApiContext.Provider value={api}>
      {auth.session ? (
        <ReferenceProvider key={auth.session.accessToken}>
          <SignedInApp session={auth.session} restored={auth.restored} onSignOut={signOut} onUserChange={auth.updateUser} />
        </ReferenceProvider>
      ) : (
        <SignInScreen notice={auth.notice} onSignedIn={auth.signIn} />
      )}
    </ApiContext.Provider>
  );
}

interface SignedInAppProps {
  session: StaffSession;
  restored: boolean;
  onSignOut: () => void;
  onUserChange: (user: StaffUserView) => void;
}

function SignedInApp({ session, restored, onSignOut, onUserChange }: SignedInAppProps) {
  const api = useApi();
  const { route, navigate } = useHashRoute();
  const [flash, setFlash] = useState<{ participantId: string; text: string } | null>(null);
  const user = session.user;

  // After a reload the stored token may have expired on the server: /auth/me tells
  // (a 401 signs out through the API client) and refreshes the name, roles and office.
  useEffect(() => {
    if (!restored) return;
    const controller = new AbortController();
    api.me(controller.signal).then(onUserChange, () => undefined);
    return () => controller.abort();
  }, [api, restored, onUserChange]);

  // A new screen: move focus to its heading so keyboard and screen-reader users start there.
  const routeKey = route.name === 'participant' ? `participant:${route.id}` : route.name;
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    focusMainHeading();
    if (route.name !== 'participant') setFlash(null);
  }, [routeKey, route.name]);

  const onRegistered = useCallback((p: ParticipantDetail) => {
    setFlash({ participantId: p.id, text: `${p.firstName} ${p.lastName} is registered.` });
  }, []);

  const canRegister = canRegisterParticipants(user);
  useEffect(() => {
    if (!canRegister) return;
    const timer = window.setTimeout(() => void loadRegisterScreen().catch(() => undefined), 1500);
    return () => window.clearTimeout(timer);
  }, [canRegister]);

  return (
    <>
      <AppHeader user={user} route={route} onSignOut={onSignOut} />
      <main id="main" className="app-main">
        {route.name === 'participants' && (
          <ParticipantsListScreen userId={user.id} initialQuery={route.q} canRegister={canRegister} navigate={navigate} />
        )}
        {route.name === 'register' &&
          (canRegister ? (
            <Suspense
              fallback={
                <>
                  <h1 tabIndex={-1}>Register participant</h1>
                  <p role="status" className="loading">
                    Loading the form…
                  </p>
                </>
              }
            >
              <RegisterParticipantScreen user={user} navigate={navigate} onRegistered={onRegistered} />
            </Suspense>
          ) : (
            <>
              <h1 tabIndex={-1}>Register participant</h1>
              <Alert tone="warning">
                Your role ({user.roles.map(roleLabel).join(', ')}) cannot register participants. Intake workers, case
                managers and administrators can.
              </Alert>
              <p>
                <a href={hrefs.participants()}>Back to participants</a>
              </p>
            </>
          ))}
        {route.name === 'participant' && (
          <ParticipantScreen
            key={route.id}
            id={route.id}
            flash={flash && flash.participantId === route.id ? flash.text : null}
            roles={user.roles}
          />
        )}
        {route.name === 'not-found' && (
          <>
            <h1 tabIndex={-1}>Page not found</h1>
            <p>
              There is no page at this address. <a href={hrefs.participants()}>Go to the participant list</a>
            </p>
          </>
        )}
      </main>
    </>
  );
}
