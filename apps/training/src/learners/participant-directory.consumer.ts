import { ConsumerGroups, participantRegisteredV1, participantUpdatedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { LearnersRepository } from './learners.repository';

/** Keeps the learner directory from intake's registrations and corrections. */
export const participantDirectoryConsumer = provideEventConsumer({
  groupId: ConsumerGroups.trainingParticipantDirectory,
  topics: [participantRegisteredV1.topic],
  inject: [LearnersRepository],
  handle: (consumer, learners: LearnersRepository) =>
    consumer
      .on(participantRegisteredV1, (event) => learners.addRegistered(event.data))
      .on(participantUpdatedV1, (event) => learners.applyUpdate(event.data)),
});
