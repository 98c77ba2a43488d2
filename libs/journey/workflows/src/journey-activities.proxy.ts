import { proxyActivities } from '@temporalio/workflow';
import type { JourneyActivities } from './activities';

/** The journey's activities, as every version of the workflow calls them. */
export const journeyActivities = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  // Kafka being down is retried until it is back; an event that breaks its contract is a
  // bug that no retry will fix, so it fails the activity at once (and shows in the UI).
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['ContractViolationError'],
  },
});
