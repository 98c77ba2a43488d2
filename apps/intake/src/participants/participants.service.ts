import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
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

  /**
   * Registers a participant. With an idempotency key (one per form submission), a retry of
   * the same submission (say after a time-out that hid a success) returns the participant
   * it created instead of registering the person twice: the key fixes the participant id,
   * and the database refuses a second document with that id.
   */
  async register(
    input: RegisterParticipantRequest,
    actor: { id: string; username: string },
    idempotencyKey?: string,
  ): Promise<{ participant: ParticipantDetail; replayed: boolean }> {
    const id = idempotencyKey ? idFromKey(actor.id, idempotencyKey) : randomUUID();
    if (idempotencyKey) {
      const existing = await this.repo.findById(id);
      if (existing) return { participant: toDetail(existing), replayed: true };
    }
    const participant = registerParticipant(input, { id, registeredBy: actor.username, now: new Date() });
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
    let doc;
    try {
      doc = await this.repo.insertWithEvents(participant, [{ topic: participantRegisteredV1.topic, envelope: event }]);
    } catch (err) {
      // Two copies of one submission raced: the first one won; answer with its result.
      const existing = idempotencyKey && isDuplicateKey(err) ? await this.repo.findById(id) : null;
      if (existing) return { participant: toDetail(existing), replayed: true };
      throw err;
    }
    // A crash here must lose nothing: the event is already in the document's outbox.
    faultPoint('intake-after-write');
    this.relay.kick();
    return { participant: toDetail(doc), replayed: false };
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

/** A UUID-shaped id derived from who submitted and their idempotency key. */
export function idFromKey(actorId: string, key: string): string {
  const h = createHash('sha256').update(`${actorId}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
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
