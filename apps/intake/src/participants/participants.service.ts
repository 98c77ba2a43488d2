import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  participantRegisteredV1,
  type Page,
  type ParticipantDetail,
  type ParticipantSummary,
  type RegisterParticipantRequest,
} from '@waypoint/contracts';
import { registerParticipant } from '@waypoint/intake-domain';
import { createEvent, faultPoint, type OutboxRelay } from '@waypoint/platform';
import { toDetail, toSummary } from './participant.mapper';
import { ParticipantsRepository, type ListQuery } from './participants.repository';

export const PARTICIPANT_OUTBOX = Symbol('PARTICIPANT_OUTBOX');

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly repo: ParticipantsRepository,
    @Inject(PARTICIPANT_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  async register(input: RegisterParticipantRequest, actor: { id: string; username: string }): Promise<ParticipantDetail> {
    const participant = registerParticipant(input, { id: randomUUID(), registeredBy: actor.username, now: new Date() });
    const event = createEvent(participantRegisteredV1, participant.id, {
      participantId: participant.id,
      firstName: participant.firstName,
      lastName: participant.lastName,
      dateOfBirth: participant.dateOfBirth,
      office: participant.office,
      programsOfInterest: participant.programsOfInterest,
      registeredAt: participant.registeredAt.toISOString(),
      registeredBy: actor.username,
    });
    const doc = await this.repo.insertWithEvents(participant, [{ topic: participantRegisteredV1.topic, envelope: event }]);
    // A crash here must lose nothing: the event is already in the document's outbox.
    faultPoint('intake-after-write');
    this.relay.kick();
    return toDetail(doc);
  }

  async get(id: string): Promise<ParticipantDetail> {
    const doc = await this.repo.findById(id);
    if (!doc) throw new NotFoundException(`No participant with id ${id}`);
    return toDetail(doc);
  }

  async list(q: ListQuery): Promise<Page<ParticipantSummary>> {
    const docs = await this.repo.list({ ...q, limit: q.limit + 1 });
    const page = docs.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor =
      docs.length > q.limit && last ? encodeCursor([last.lastNameKey, last.firstNameKey, last._id]) : null;
    return { items: page.map(toSummary), nextCursor };
  }
}

export function encodeCursor(key: [string, string, string]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string, string, string] | null {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.length === 3 && key.every((k) => typeof k === 'string') ? (key as [string, string, string]) : null;
  } catch {
    return null;
  }
}
