import { journeyPhaseChangedV1 } from '@waypoint/contracts';
import type { JourneyActivities, PublishPhaseChangedInput } from '@waypoint/journey-workflows';
import { createEvent, type EventPublisher } from '@waypoint/platform';

export interface JourneyActivityDeps {
  publisher: Pick<EventPublisher, 'publish'>;
}

/**
 * The journey's activities: thin adapters to the outside. Event ids are chosen by the
 * workflow, so a retried activity republishes the same event and consumers dedupe it.
 */
export function createJourneyActivities(deps: JourneyActivityDeps): JourneyActivities {
  return {
    async publishPhaseChanged(input: PublishPhaseChangedInput): Promise<void> {
      const envelope = createEvent(
        journeyPhaseChangedV1,
        input.participantId,
        {
          participantId: input.participantId,
          workflowId: input.workflowId,
          phase: input.phase,
          ...(input.previousPhase ? { previousPhase: input.previousPhase } : {}),
          sequence: input.sequence,
          changedAt: input.changedAt,
        },
        {
          id: input.eventId,
          correlationId: input.correlationId,
          causationId: input.causationId,
          actor: { type: 'system', id: 'journey' },
          occurredAt: new Date(input.changedAt),
        },
      );
      await deps.publisher.publish([{ topic: journeyPhaseChangedV1.topic, envelope }]);
    },
  };
}
