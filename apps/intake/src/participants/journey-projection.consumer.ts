import { ConsumerGroups, journeyPhaseChangedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { ParticipantsRepository } from './participants.repository';

/**
 * Keeps the journey phase on each participant current from `journey.phase.changed`, so
 * the participant list never asks Temporal row by row. A change applies only if its
 * sequence is newer than the one held, so redelivery never moves a phase backwards.
 */
export const journeyProjectionConsumer = provideEventConsumer({
  groupId: ConsumerGroups.intakeJourneyProjection,
  topics: [journeyPhaseChangedV1.topic],
  inject: [ParticipantsRepository],
  handle: (consumer, participants: ParticipantsRepository) =>
    consumer.on(journeyPhaseChangedV1, async ({ data }) => {
      await participants.applyJourneyPhase(data.participantId, data.phase, data.sequence, new Date(data.changedAt));
    }),
});
