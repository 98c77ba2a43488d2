import {
  journeyExitConfirmedV1,
  journeyExitProposedV1,
  journeyPhaseChangedV1,
  journeyStatusChangedV1,
  journeyTaskClosedV1,
  journeyTaskOpenedV1,
  type EventContract,
} from '@waypoint/contracts';
import type { JourneyActivities, JourneyEventInput, PublishPhaseChangedInput } from '@waypoint/journey-workflows';
import { ContractViolationError, createEvent, type EventPublisher, type PublishableEvent } from '@waypoint/platform';

export interface JourneyActivityDeps {
  publisher: Pick<EventPublisher, 'publish'>;
}

const JOURNEY_ACTOR = { type: 'system', id: 'journey' } as const;

/** The contract of each journey event the workflow may ask to publish, by type. */
const CONTRACTS: Record<JourneyEventInput['type'], EventContract> = {
  'journey.task.opened': journeyTaskOpenedV1,
  'journey.task.closed': journeyTaskClosedV1,
  'journey.exit.proposed': journeyExitProposedV1,
  'journey.exit.confirmed': journeyExitConfirmedV1,
  'journey.status.changed': journeyStatusChangedV1,
};

/** The envelope of one journey event, with the ids the workflow chose (validated by createEvent). */
function toPublishable(input: JourneyEventInput): PublishableEvent {
  const contract = CONTRACTS[input.type];
  try {
    const envelope = createEvent(contract, input.data.participantId, input.data, {
      id: input.eventId,
      correlationId: input.correlationId,
      causationId: input.causationId,
      actor: JOURNEY_ACTOR,
      occurredAt: new Date(input.occurredAt),
    });
    return { topic: contract.topic, envelope };
  } catch (err) {
    // A bug in the workflow, which no retry fixes: the workflow's retry policy does not retry this type.
    throw new ContractViolationError(`${input.type} ${input.eventId} breaks its contract: ${(err as Error).message}`);
  }
}

/**
 * The journey's activities: thin adapters to the outside. Event ids are chosen by the
 * workflow, so a retried activity republishes the same event and consumers dedupe it.
 * Tasks live in planning, which creates and closes them from the task events.
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
          actor: JOURNEY_ACTOR,
          occurredAt: new Date(input.changedAt),
        },
      );
      await deps.publisher.publish([{ topic: journeyPhaseChangedV1.topic, envelope }]);
    },

    async publishJourneyEvents(events: JourneyEventInput[]): Promise<void> {
      if (events.length === 0) return;
      // Every envelope is built (and validated) before anything is sent: one bad event
      // publishes none of the batch.
      await deps.publisher.publish(events.map(toPublishable));
    },
  };
}
