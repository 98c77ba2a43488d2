import type { JourneyPhase } from '@waypoint/contracts';

export interface PublishPhaseChangedInput {
  eventId: string;
  correlationId: string;
  causationId: string;
  participantId: string;
  workflowId: string;
  phase: JourneyPhase;
  previousPhase?: JourneyPhase;
  sequence: number;
  changedAt: string;
}

/** What the journey workflow asks of the outside world. Implemented in journey/activities. */
export interface JourneyActivities {
  publishPhaseChanged(input: PublishPhaseChangedInput): Promise<void>;
}
