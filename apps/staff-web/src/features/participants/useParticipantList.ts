import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantSummary } from '@waypoint/contracts';
import { ApiError, isAbortError, SessionExpiredError, useApi } from '../../api';

export const PAGE_SIZE = 50;

export interface ParticipantListState {
  status: 'loading' | 'ready' | 'error';
  items: ParticipantSummary[];
  nextCursor: string | null;
  error: string | null;
  /** A new first page is on its way while the old rows are still shown. */
  refreshing: boolean;
  loadingMore: boolean;
  loadMoreError: string | null;
  /** How many rows the last "Load more" added (for the live announcement). */
  lastAdded: number | null;
}

const initial: ParticipantListState = {
  status: 'loading',
  items: [],
  nextCursor: null,
  error: null,
  refreshing: false,
  loadingMore: false,
  loadMoreError: null,
  lastAdded: null,
};

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** First page for a search, then keyset pages on demand. A newer search cancels an older one. */
export function useParticipantList(q: string) {
  const api = useApi();
  const [state, setState] = useState<ParticipantListState>(initial);
  const [reloadCount, setReloadCount] = useState(0);
  const moreRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    moreRef.current?.abort();
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true, error: null } : { ...initial }));
    api
      .listParticipants({ q: q.trim() || undefined, limit: PAGE_SIZE }, controller.signal)
      .then((page) =>
        setState({ ...initial, status: 'ready', items: page.items, nextCursor: page.nextCursor ?? null }),
      )
      .catch((error: unknown) => {
        if (isAbortError(error) || error instanceof SessionExpiredError) return;
        setState({ ...initial, status: 'error', error: messageOf(error, 'Participants could not be loaded.') });
      });
    return () => controller.abort();
  }, [api, q, reloadCount]);

  useEffect(() => () => moreRef.current?.abort(), []);

  const reload = useCallback(() => setReloadCount((n) => n + 1), []);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const controller = new AbortController();
    moreRef.current = controller;
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }));
    api
      .listParticipants({ q: q.trim() || undefined, cursor, limit: PAGE_SIZE }, controller.signal)
      .then((page) =>
        setState((s) => {
          const known = new Set(s.items.map((p) => p.id));
          const added = page.items.filter((p) => !known.has(p.id));
          return {
            ...s,
            items: [...s.items, ...added],
            nextCursor: page.nextCursor ?? null,
            loadingMore: false,
            lastAdded: added.length,
          };
        }),
      )
      .catch((error: unknown) => {
        if (isAbortError(error) || error instanceof SessionExpiredError) return;
        setState((s) => ({ ...s, loadingMore: false, loadMoreError: messageOf(error, 'More participants could not be loaded.') }));
      });
  }, [api, q, state.nextCursor, state.loadingMore]);

  return { ...state, reload, loadMore };
}
