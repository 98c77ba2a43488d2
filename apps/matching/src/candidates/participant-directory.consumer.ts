import { ConsumerGroups, participantRegisteredV1, participantUpdatedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { CandidatesRepository } from './candidates.repository';

/** Seeds candidate profiles from intake's registrations and keeps them current from its corrections. */
export const participantDirectoryConsumer = provideEventConsumer({
  groupId: ConsumerGroups.matchingParticipantDirectory,
  topics: [participantRegisteredV1.topic],
  inject: [CandidatesRepository],
  handle: (consumer, candidates: CandidatesRepository) =>
    consumer
      .on(participantRegisteredV1, (event) => candidates.seedFromRegistration(event.data))
      .on(participantUpdatedV1, (event) => candidates.applyUpdate(event.data)),
});
