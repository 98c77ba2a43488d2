import { useEffect, useState } from 'react';
import type { DuplicateCandidate, DuplicateCheckRequest } from '@waypoint/contracts';
import { ApiError, isAbortError, SessionExpiredError, useApi } from '../../api';

/** Wait this long after the last keystroke before searching. */
export const DUPLICATE_CHECK_DEBOUNCE_MS = 400;

export interface DuplicateCheckState {
  /** idle: not enough answers to search yet. */
  status: 'idle' | 'checking' | 'ready' | 'error';
  /** The last answer's candidates (kept while a newer search runs, so the list does not flicker). */
  candidates: DuplicateCandidate[];
  reviewRequiredFor: string[];
  error: string | null;
}

const idle: DuplicateCheckState = { status: 'idle', candidates: [], reviewRequiredFor: [], error: null };

/**
 * Search before create: asks POST /participants/duplicate-check whenever `request` changes
 * (debounced), cancelling the search still running for older answers.
 */
export function useDuplicateCheck(request: DuplicateCheckRequest | null): DuplicateCheckState {
  const api = useApi();
  const [state, setState] = useState<DuplicateCheckState>(idle);
  // The request as a stable value: the effect runs again only when an answer really changed.
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (key === null) {
      setState(idle);
      return;
    }
    const body = JSON.parse(key) as DuplicateCheckRequest;
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'checking', error: null }));
    const timer = window.setTimeout(() => {
      api
        .duplicateCheck(body, controller.signal)
        .then((answer) => {
          if (controller.signal.aborted) return;
          setState({ status: 'ready', candidates: answer.candidates, reviewRequiredFor: answer.reviewRequiredFor, error: null });
        })
        .catch((error: unknown) => {
          if (isAbortError(error) || error instanceof SessionExpiredError || controller.signal.aborted) return;
          setState({
            ...idle,
            status: 'error',
            error: error instanceof ApiError ? error.message : 'The search for people already on file did not answer.',
          });
        });
    }, DUPLICATE_CHECK_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, key]);

  return state;
}
