import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantPage } from '@waypoint/contracts';
import { ApiError, isAbortError, SessionExpiredError, useApi } from '../../api';

/** While the journey has no phase yet, ask again every second for up to 15 seconds. */
export const POLL_INTERVAL_MS = 1000;
export const POLL_LIMIT_MS = 15000;

export interface ParticipantPageState {
  status: 'loading' | 'ready' | 'error';
  page: ParticipantPage | null;
  /** Failure of the first load (no page to show). */
  error: string | null;
  notFound: boolean;
  refreshing: boolean;
  /** Failure of a refresh or poll; the last page stays on screen. */
  refreshError: string | null;
  /** The journey still had no phase when polling stopped. */
  waitingGaveUp: boolean;
  checkedAt: Date | null;
  /** Answers received (or failed) so far; each one lets the poll schedule the next. */
  attempts: number;
}

const initial: ParticipantPageState = {
  status: 'loading',
  page: null,
  error: null,
  notFound: false,
  refreshing: false,
  refreshError: null,
  waitingGaveUp: false,
  checkedAt: null,
  attempts: 0,
};

export function useParticipantPage(id: string) {
  const api = useApi();
  const [state, setState] = useState<ParticipantPageState>(initial);
  const pollStartRef = useRef(Date.now());
  const controllerRef = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    async (mode: 'load' | 'refresh' | 'poll') => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      if (mode === 'refresh') setState((s) => ({ ...s, refreshing: true, refreshError: null }));
      try {
        const page = await api.getParticipant(id, controller.signal);
        setState((s) => ({
          ...s,
          status: 'ready',
          page,
          error: null,
          notFound: false,
          refreshing: false,
          refreshError: null,
          waitingGaveUp: false,
          checkedAt: new Date(),
          attempts: s.attempts + 1,
        }));
      } catch (error) {
        if (isAbortError(error) || error instanceof SessionExpiredError) return;
        const message = error instanceof ApiError ? error.message : 'The participant could not be loaded.';
        setState((s) =>
          s.page
            ? { ...s, refreshing: false, refreshError: message, attempts: s.attempts + 1 }
            : { ...initial, status: 'error', error: message, notFound: error instanceof ApiError && error.status === 404 },
        );
      }
    },
    [api, id],
  );

  useEffect(() => {
    pollStartRef.current = Date.now();
    setState(initial);
    void fetchPage('load');
    return () => controllerRef.current?.abort();
  }, [fetchPage]);

  // Poll while the journey workflow has not reported its first phase.
  const waiting = state.status === 'ready' && state.page?.journey.phase === null && !state.refreshing && !state.waitingGaveUp;
  useEffect(() => {
    if (!waiting) return;
    if (Date.now() - pollStartRef.current >= POLL_LIMIT_MS) {
      setState((s) => ({ ...s, waitingGaveUp: true }));
      return;
    }
    const timer = window.setTimeout(() => void fetchPage('poll'), POLL_INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [waiting, state.attempts, fetchPage]);

  const refresh = useCallback(() => {
    pollStartRef.current = Date.now();
    void fetchPage('refresh');
  }, [fetchPage]);

  return { ...state, refresh };
}
