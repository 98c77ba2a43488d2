import { ConsumerGroups, journeyExitConfirmedV1 } from '@waypoint/contracts';
import { provideEventConsumer } from '@waypoint/platform';
import { EnrollmentsService } from './enrollments.service';

/**
 * Common exit: when staff confirm the exit in the participant's journey, every enrollment
 * still open in intake exits on the journey's exit date (PIRL 901) with the confirmed reason,
 * each with its own `intake.participant.exited_program` event.
 */
export const commonExitConsumer = provideEventConsumer({
  groupId: ConsumerGroups.intakeCommonExit,
  topics: [journeyExitConfirmedV1.topic],
  inject: [EnrollmentsService],
  handle: (consumer, enrollments: EnrollmentsService) =>
    consumer.on(journeyExitConfirmedV1, async ({ data }) => {
      await enrollments.commonExit(data.participantId, {
        exitOn: data.exitOn,
        reason: data.reason,
        ...(data.note ? { note: data.note } : {}),
        by: data.confirmedBy,
      });
    }),
});
