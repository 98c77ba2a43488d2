import { ConsumerGroups, participantRegisteredV1, participantUpdatedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { TasksService } from '../tasks/tasks.service';
import { ParticipantDirectory } from './participant-directory';

/**
 * Keeps planning's casework directory from intake's registrations and corrections, and the
 * name and office shown on the person's tasks with it. Its own consumer group, reading the
 * intake topic from the beginning, so a deployment that had only the plan queue fills it.
 */
export const caseworkDirectoryConsumer = provideEventConsumer({
  groupId: ConsumerGroups.planningCaseworkDirectory,
  topics: [participantRegisteredV1.topic],
  inject: [ParticipantDirectory, TasksService],
  handle: (consumer, directory: ParticipantDirectory, tasks: TasksService) =>
    consumer
      .on(participantRegisteredV1, async ({ data }) => {
        await directory.applyRegistration(data);
        await tasks.participantChanged(data.participantId, true);
      })
      .on(participantUpdatedV1, async ({ data }) => {
        const shown = data.changes.firstName !== undefined || data.changes.lastName !== undefined || data.changes.office !== undefined;
        if ((await directory.applyUpdate(data)) && shown) await tasks.participantChanged(data.participantId, false);
      }),
});
