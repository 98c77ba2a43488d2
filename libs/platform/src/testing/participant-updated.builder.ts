import { randomUUID } from 'node:crypto';
import { participantUpdatedV1, type EventEnvelope, type ParticipantUpdatedV1 } from '@waypoint/contracts';
import { createEvent } from '../kafka/create-event';

/**
 * A valid `intake.participant.updated` event, as intake publishes it: by default version 2
 * of a new person's record with the last name corrected. Give `changes` and the matching
 * `changedFields` together; `changedFields` defaults to the keys of `changes`.
 */
export function participantUpdated(
  data: Partial<ParticipantUpdatedV1> = {},
): { topic: string; envelope: EventEnvelope<ParticipantUpdatedV1> } {
  const changes = data.changes ?? { lastName: 'Okafor-Reyes' };
  const full: ParticipantUpdatedV1 = {
    participantId: randomUUID(),
    version: 2,
    changedFields: Object.keys(changes) as ParticipantUpdatedV1['changedFields'],
    updatedAt: new Date().toISOString(),
    updatedBy: 'intake.worker',
    ...data,
    changes,
  };
  return { topic: participantUpdatedV1.topic, envelope: createEvent(participantUpdatedV1, full.participantId, full) };
}
