import { ConsumerGroups, journeyPhaseChangedV1, journeyStatusChangedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { ParticipantsRepository } from './participants.repository';

/**
 * Keeps the journey on each participant current, so the participant list never asks
 * Temporal row by row: the phase from `journey.phase.changed` (by sequence) and what the
 * list shows of the journey from `journey.status.changed` (phase, last service date, next
 * deadline, proposed exit, open tasks; by revision). Each applies only if newer than the
 * one held, so redelivery never moves the list backwards. Both come from the same workflow
 * on the same partition (keyed by participant), in the order it published them.
 */
export const journeyProjectionConsumer = provideEventConsumer({
  groupId: ConsumerGroups.intakeJourneyProjection,
  topics: [journeyPhaseChangedV1.topic],
  inject: [ParticipantsRepository],
  handle: (consumer, participants: ParticipantsRepository) =>
    consumer
      .on(journeyPhaseChangedV1, async ({ data }) => {
        await participants.applyJourneyPhase(data.participantId, data.phase, data.sequence, new Date(data.changedAt));
      })
      .on(journeyStatusChangedV1, async ({ data }) => {
        await participants.applyJourneyStatus(data);
      }),
});
