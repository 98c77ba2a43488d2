import { randomUUID } from 'node:crypto';
import { participantRegisteredV1, type EventEnvelope, type ParticipantRegisteredV1 } from '@waypoint/contracts';
import { createEvent } from '../kafka/create-event';

/** A valid `intake.participant.registered` event, as intake publishes it; override any field. */
export function participantRegistered(
  data: Partial<ParticipantRegisteredV1> = {},
): { topic: string; envelope: EventEnvelope<ParticipantRegisteredV1> } {
  const full: ParticipantRegisteredV1 = {
    participantId: randomUUID(),
    firstName: 'Ada',
    lastName: 'Okafor',
    dateOfBirth: '1990-04-02',
    office: 'north-ajc',
    programsOfInterest: ['WIOA_ADULT'],
    registeredAt: new Date().toISOString(),
    registeredBy: 'intake.worker',
    ...data,
  };
  return { topic: participantRegisteredV1.topic, envelope: createEvent(participantRegisteredV1, full.participantId, full) };
}
