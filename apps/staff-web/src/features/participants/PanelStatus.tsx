import { Alert, Button } from '@waypoint/ui';
import type { ResourceState } from './useParticipantResource';

/** Loading and error states shared by the read-only panels of the participant page. */
export function PanelStatus({ state, what }: { state: ResourceState<unknown>; what: string }) {
  if (state.status === 'loading') {
    return (
      <p role="status" className="loading">
        <span className="wp-spinner" aria-hidden="true" /> Loading {what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <Alert tone="error" title={`The ${what} could not be loaded`} actions={<Button onClick={state.retry}>Try again</Button>}>
        {state.error}
      </Alert>
    );
  }
  return null;
}
