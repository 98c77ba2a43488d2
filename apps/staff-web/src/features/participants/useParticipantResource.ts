import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbortError, SessionExpiredError } from '../../api';

export interface ResourceState<T> {
  /** forbidden: the gateway refused the role (403); skipped: not asked for (see `enabled`). */
  status: 'loading' | 'ready' | 'error' | 'forbidden' | 'skipped';
  data: T | null;
  error: string | null;
  retry: () => void;
}

/**
 * One read-only part of the participant page, loaded on its own so a slow or refused part
 * never holds up the others. `load` must be stable (useCallback) for the same resource.
 */
export function useParticipantResource<T>(load: (signal: AbortSignal) => Promise<T>, enabled = true): ResourceState<T> {
  const [state, setState] = useState<Omit<ResourceState<T>, 'retry'>>({
    status: enabled ? 'loading' : 'skipped',
    data: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) {
      setState({ status: 'skipped', data: null, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading', error: null }));
    load(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, error: null });
      })
      .catch((error: unknown) => {
        if (isAbortError(error) || error instanceof SessionExpiredError || controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 403) {
          setState({ status: 'forbidden', data: null, error: null });
          return;
        }
        setState({ status: 'error', data: null, error: error instanceof ApiError ? error.message : 'This part could not be loaded.' });
      });
    return () => controller.abort();
  }, [load, enabled, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
