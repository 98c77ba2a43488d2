import { useCallback, useEffect, useState } from 'react';
import type { JourneyStateView } from '@waypoint/contracts';
import { ApiError, useApi } from '../../api';
import { useParticipantResource, type ResourceState } from '../participants/useParticipantResource';

export interface JourneyState {
  /** ready with `journey: null`: the journey has not started yet (the gateway answered 404). */
  resource: ResourceState<JourneyStateView | null>;
  journey: JourneyStateView | null;
  /** An action's answer is the journey after it: shown at once, without a second read. */
  replace: (next: JourneyStateView) => void;
}

/**
 * The person's live journey (GET /participants/:id/journey), read again whenever
 * `reloadKey` changes (the page's Refresh and polls).
 */
export function useJourney(participantId: string, reloadKey: unknown): JourneyState {
  const api = useApi();
  const load = useCallback(
    (signal: AbortSignal) =>
      api.getJourney(participantId, signal).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    // reloadKey: a new load function is what makes the resource load again.
    [api, participantId, reloadKey],
  );
  const resource = useParticipantResource(load);
  const [replaced, setReplaced] = useState<JourneyStateView | null>(null);
  useEffect(() => setReplaced(null), [resource.data]);
  return { resource, journey: replaced ?? resource.data, replace: setReplaced };
}
