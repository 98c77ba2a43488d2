import type { LoginResponse, StaffUserView } from '@waypoint/contracts';

/** What the staff web keeps about the signed-in user, in sessionStorage (one tab, gone when it closes). */
export interface StaffSession {
  accessToken: string;
  /** Epoch milliseconds after which the gateway will refuse the token. */
  expiresAt: number;
  user: StaffUserView;
}

export const SESSION_STORAGE_KEY = 'waypoint.staff-web.session';

export type StoredSession = { kind: 'none' } | { kind: 'expired' } | { kind: 'active'; session: StaffSession };

export function sessionFromLogin(response: LoginResponse, now = Date.now()): StaffSession {
  return { accessToken: response.accessToken, expiresAt: now + response.expiresIn * 1000, user: response.user };
}

export function readStoredSession(now = Date.now()): StoredSession {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (!raw) return { kind: 'none' };
  try {
    const session = JSON.parse(raw) as StaffSession;
    if (typeof session.accessToken !== 'string' || typeof session.expiresAt !== 'number' || !session.user) {
      clearStoredSession();
      return { kind: 'none' };
    }
    if (session.expiresAt <= now) {
      clearStoredSession();
      return { kind: 'expired' };
    }
    return { kind: 'active', session };
  } catch {
    clearStoredSession();
    return { kind: 'none' };
  }
}

export function writeStoredSession(session: StaffSession): void {
  try {
    window.sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage full or blocked: the session still lives in memory for this page.
  }
}

export function clearStoredSession(): void {
  try {
    window.sessionStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}
