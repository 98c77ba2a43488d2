import { ConsumerGroups, journeyTaskClosedV1, journeyTaskOpenedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { TasksService } from './tasks.service';

/** Opens and closes the tasks the journey workflow asks for (journey.task.opened / closed). */
export const journeyTasksConsumer = provideEventConsumer({
  groupId: ConsumerGroups.planningJourneyTasks,
  topics: [journeyTaskOpenedV1.topic],
  inject: [TasksService],
  handle: (consumer, tasks: TasksService) =>
    consumer.on(journeyTaskOpenedV1, (event) => tasks.applyOpened(event.data)).on(journeyTaskClosedV1, (event) => tasks.applyClosed(event.data)),
});
