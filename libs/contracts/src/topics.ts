/** Kafka topics: one per producing context, keyed by participantId. */
export const Topics = {
  intake: 'waypoint.intake.events.v1',
  journey: 'waypoint.journey.events.v1',
  planning: 'waypoint.planning.events.v1',
  training: 'waypoint.training.events.v1',
  matching: 'waypoint.matching.events.v1',
  followup: 'waypoint.followup.events.v1',
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];

/** Dead-letter topic of one consumer group: poison messages land here with the reason. */
export function deadLetterTopic(consumerGroup: string): string {
  return `waypoint.dlt.${consumerGroup}`;
}

/** Consumer group ids, one per (service, purpose). */
export const ConsumerGroups = {
  journeyBridge: 'journey-bridge',
  intakeJourneyProjection: 'intake-journey-projection',
  intakeCommonExit: 'intake-common-exit',
  planningParticipantDirectory: 'planning-participant-directory',
  trainingParticipantDirectory: 'training-participant-directory',
  matchingParticipantDirectory: 'matching-participant-directory',
  followupParticipantDirectory: 'followup-participant-directory',
  planningCaseworkDirectory: 'planning-casework-directory',
  planningJourneyTasks: 'planning-journey-tasks',
} as const;
