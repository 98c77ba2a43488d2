import type {
  JourneyExitConfirmedV1,
  JourneyExitProposedV1,
  JourneyPhase,
  JourneyStatusChangedV1,
  JourneyTaskClosedV1,
  JourneyTaskOpenedV1,
} from '@waypoint/contracts';

/** Ids and causation every journey event carries; chosen by the workflow so retries republish the same event. */
export interface JourneyEventMeta {
  /** `<workflowId>:<what>:<n>`: deterministic, so consumers drop a retried copy. */
  eventId: string;
  correlationId: string;
  causationId: string;
  /** Workflow time of the change (becomes the envelope's occurredAt). */
  occurredAt: string;
}

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

/** One journey event besides phase changes: which contract, and its data. */
export type JourneyEventInput = JourneyEventMeta &
  (
    | { type: 'journey.task.opened'; data: JourneyTaskOpenedV1 }
    | { type: 'journey.task.closed'; data: JourneyTaskClosedV1 }
    | { type: 'journey.exit.proposed'; data: JourneyExitProposedV1 }
    | { type: 'journey.exit.confirmed'; data: JourneyExitConfirmedV1 }
    | { type: 'journey.status.changed'; data: JourneyStatusChangedV1 }
  );

/**
 * What the journey workflow asks of the outside world. Implemented in journey/activities.
 * Tasks are created and closed in planning (which owns them) through the task events.
 */
export interface JourneyActivities {
  publishPhaseChanged(input: PublishPhaseChangedInput): Promise<void>;
  /** Publishes the events in order, in one call (one Kafka batch, keyed by participant). */
  publishJourneyEvents(events: JourneyEventInput[]): Promise<void>;
}
