import type { ParticipantDetail, ParticipantSummary } from '@waypoint/contracts';
import type { Participant } from '@waypoint/intake-domain';
import type { ParticipantDocument } from './participant.schema';

export function toPersistence(p: Participant): Omit<ParticipantDocument, 'outbox' | 'outboxPending' | 'outboxSeq'> {
  const { id, ...rest } = p;
  return { _id: id, ...rest, journeyPhase: null, journeySequence: 0 };
}

export function toSummary(doc: ParticipantDocument): ParticipantSummary {
  return {
    id: doc._id,
    firstName: doc.firstName,
    lastName: doc.lastName,
    dateOfBirth: doc.dateOfBirth,
    office: doc.office,
    programsOfInterest: doc.programsOfInterest,
    phase: doc.journeyPhase ?? null,
    registeredAt: new Date(doc.registeredAt).toISOString(),
  };
}

export function toDetail(doc: ParticipantDocument): ParticipantDetail {
  return {
    ...toSummary(doc),
    ...(doc.email ? { email: doc.email } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
    ...(doc.address ? { address: doc.address } : {}),
    registeredBy: doc.registeredBy,
  };
}
