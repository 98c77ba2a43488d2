import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  IntakeSessionDetail,
  IntakeSessionList,
  IntakeSessionStatus,
  IntakeSessionSummary,
  OpenIntakeSessionRequest,
  ParticipantDetail,
  RegisterParticipantRequest,
  SessionAttendee,
} from '@waypoint/contracts';
import { unprocessable } from '@waypoint/platform';
import { toSummary } from '../participants/participant.mapper';
import type { ParticipantDocument } from '../participants/participant.schema';
import { ParticipantsRepository } from '../participants/participants.repository';
import { ParticipantsService, type Actor } from '../participants/participants.service';
import { ProgramCatalog } from '../programs/program-catalog.service';
import type { IntakeSessionDocument } from './intake-session.schema';
import { IntakeSessionsRepository } from './intake-sessions.repository';

/**
 * Group intake sessions: a worker opens one, registers several people into it (each gets
 * their own record, registered event and journey) or adds people already on file, then
 * closes it. Registration rules (validation, duplicates, idempotency) are the same as for
 * a single registration: the participants service applies them.
 */
@Injectable()
export class IntakeSessionsService {
  constructor(
    private readonly sessions: IntakeSessionsRepository,
    private readonly participants: ParticipantsService,
    private readonly people: ParticipantsRepository,
    private readonly catalog: ProgramCatalog,
  ) {}

  async open(input: OpenIntakeSessionRequest, actor: Actor): Promise<IntakeSessionSummary> {
    const errors = await this.catalog.check({ office: input.office });
    if (errors.length) throw unprocessable(errors);
    const session: IntakeSessionDocument = {
      _id: randomUUID(),
      office: input.office,
      title: input.title,
      startsAt: new Date(input.startsAt),
      facilitator: { id: actor.id, username: actor.username },
      status: 'open',
      openedAt: new Date(),
    };
    await this.sessions.insert(session);
    return toSessionSummary(session, 0);
  }

  async list(q: { office?: string; status?: IntakeSessionStatus }): Promise<IntakeSessionList> {
    const docs = await this.sessions.list(q);
    const counts = await Promise.all(docs.map((d) => this.people.countBySession(d._id)));
    return { items: docs.map((d, i) => toSessionSummary(d, counts[i])) };
  }

  async detail(id: string): Promise<IntakeSessionDetail> {
    const session = await this.require(id);
    const people = await this.people.findBySession(id);
    const attendees = people.map((p) => toAttendee(p, id)).sort((a, b) => a.at.localeCompare(b.at));
    return { ...toSessionSummary(session, attendees.length), attendees };
  }

  /** Registers a new person into an open session (same rules and answers as POST /participants). */
  async register(
    id: string,
    input: RegisterParticipantRequest,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<{ participant: ParticipantDetail; replayed: boolean }> {
    // A retry of a registration that went through answers as before, even once closed.
    const earlier = await this.participants.replay(actor, idempotencyKey);
    if (earlier?.registeredInSessionId === id) return { participant: earlier, replayed: true };
    await this.requireOpen(id);
    return this.participants.register(input, actor, idempotencyKey, id);
  }

  /** Adds a person already on file (say, found by the duplicate check) to an open session. Repeating it changes nothing. */
  async link(id: string, participantId: string, actor: Actor): Promise<SessionAttendee> {
    await this.requireOpen(id);
    const person = await this.people.findById(participantId);
    if (!person) throw unprocessable([{ field: 'participantId', message: `No participant with id ${participantId}` }]);
    const already = (person.intakeSessions ?? []).find((l) => l.sessionId === id);
    if (already) return toAttendee(person, id);
    const link = { sessionId: id, how: 'linked' as const, at: new Date(), by: actor.username };
    await this.people.addSessionLink(participantId, link);
    const updated = await this.people.findById(participantId);
    return toAttendee(updated ?? { ...person, intakeSessions: [...(person.intakeSessions ?? []), link] }, id);
  }

  async close(id: string, actor: Actor): Promise<IntakeSessionSummary> {
    if (!(await this.sessions.close(id, actor.username, new Date()))) {
      await this.require(id);
      throw sessionClosed(id);
    }
    const session = await this.require(id);
    return toSessionSummary(session, await this.people.countBySession(id));
  }

  private async require(id: string): Promise<IntakeSessionDocument> {
    const session = await this.sessions.findById(id);
    if (!session) throw new NotFoundException(`No intake session with id ${id}`);
    return session;
  }

  private async requireOpen(id: string): Promise<IntakeSessionDocument> {
    const session = await this.require(id);
    if (session.status !== 'open') throw sessionClosed(id);
    return session;
  }
}

function sessionClosed(id: string): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    code: 'session-closed',
    message: `Intake session ${id} is closed: register the person outside the session, or open a new one. Nothing was written.`,
  });
}

function toSessionSummary(s: IntakeSessionDocument, attendeeCount: number): IntakeSessionSummary {
  return {
    id: s._id,
    office: s.office,
    title: s.title,
    startsAt: new Date(s.startsAt).toISOString(),
    facilitator: s.facilitator,
    status: s.status,
    openedAt: new Date(s.openedAt).toISOString(),
    ...(s.closedAt ? { closedAt: new Date(s.closedAt).toISOString() } : {}),
    ...(s.closedBy ? { closedBy: s.closedBy } : {}),
    attendeeCount,
  };
}

function toAttendee(p: ParticipantDocument, sessionId: string): SessionAttendee {
  const link = (p.intakeSessions ?? []).find((l) => l.sessionId === sessionId);
  return {
    participant: toSummary(p),
    how: link?.how ?? 'registered',
    at: new Date(link?.at ?? p.registeredAt).toISOString(),
    by: link?.by ?? p.registeredBy,
  };
}
