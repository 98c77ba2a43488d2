import { useCallback, useRef, useState } from 'react';
import type { LoginResponse, StaffUserView } from '@waypoint/contracts';
import {
  clearStoredSession,
  readStoredSession,
  sessionFromLogin,
  StaffSession,
  writeStoredSession,
} from './session-store';

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Sign in again to continue.';
export const SIGNED_OUT_MESSAGE = 'You have signed out.';

export interface SignInNotice {
  tone: 'warning' | 'info';
  text: string;
}

export interface SessionState {
  session: StaffSession | null;
  /** True when the session came from storage (a reload), so the app should re-check it. */
  restored: boolean;
  /** Why the sign-in screen is showing, if not a first visit. */
  notice: SignInNotice | null;
  /** Read by the API client on every call; never stale. */
  getToken: () => string | null;
  signIn: (response: LoginResponse) => void;
  signOut: () => void;
  /** The gateway answered 401: drop the session and say why. */
  expire: () => void;
  updateUser: (user: StaffUserView) => void;
}

export function useSession(): SessionState {
  const [initial] = useState(() => readStoredSession());
  const [session, setSession] = useState<StaffSession | null>(initial.kind === 'active' ? initial.session : null);
  const [restored, setRestored] = useState(initial.kind === 'active');
  const [notice, setNotice] = useState<SignInNotice | null>(
    initial.kind === 'expired' ? { tone: 'warning', text: SESSION_EXPIRED_MESSAGE } : null,
  );
  const tokenRef = useRef<string | null>(session?.accessToken ?? null);

  const getToken = useCallback(() => tokenRef.current, []);

  const signIn = useCallback((response: LoginResponse) => {
    const next = sessionFromLogin(response);
    writeStoredSession(next);
    tokenRef.current = next.accessToken;
    setSession(next);
    setRestored(false);
    setNotice(null);
  }, []);

  const end = useCallback((why: SignInNotice) => {
    clearStoredSession();
    tokenRef.current = null;
    setSession(null);
    setRestored(false);
    setNotice(why);
  }, []);

  const signOut = useCallback(() => end({ tone: 'info', text: SIGNED_OUT_MESSAGE }), [end]);

  const expire = useCallback(() => {
    // Several calls in flight may all get 401: only the first one ends the session.
    if (tokenRef.current === null) return;
    end({ tone: 'warning', text: SESSION_EXPIRED_MESSAGE });
  }, [end]);

  const updateUser = useCallback((user: StaffUserView) => {
    setSession((current) => {
      if (!current) return current;
      const next = { ...current, user };
      writeStoredSession(next);
      return next;
    });
  }, []);

  return { session, restored, notice, getToken, signIn, signOut, expire, updateUser };
}
