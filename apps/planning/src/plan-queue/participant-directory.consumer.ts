import { ConsumerGroups, participantRegisteredV1, participantUpdatedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { PlanQueueRepository } from './plan-queue.repository';

/** Puts every newly registered participant in the plan queue and keeps their names, office and programs current, from intake's events. */
export const participantDirectoryConsumer = provideEventConsumer({
  groupId: ConsumerGroups.planningParticipantDirectory,
  topics: [participantRegisteredV1.topic],
  inject: [PlanQueueRepository],
  handle: (consumer, queue: PlanQueueRepository) =>
    consumer
      .on(participantRegisteredV1, (event) => queue.enqueueRegistered(event.data))
      .on(participantUpdatedV1, (event) => queue.applyUpdate(event.data)),
});
