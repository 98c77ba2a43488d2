import { ConsumerGroups, participantRegisteredV1, participantUpdatedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { RosterRepository } from './roster.repository';

/** Puts every participant intake registers on the follow-up roster and keeps their names and office current. */
export const participantDirectoryConsumer = provideEventConsumer({
  groupId: ConsumerGroups.followupParticipantDirectory,
  topics: [participantRegisteredV1.topic],
  inject: [RosterRepository],
  handle: (consumer, roster: RosterRepository) =>
    consumer
      .on(participantRegisteredV1, (event) => roster.enrolRegistered(event.data))
      .on(participantUpdatedV1, (event) => roster.applyUpdate(event.data)),
});
