import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  can,
  participantConsentRecordedV1,
  participantConsentRevokedV1,
  participantRegisteredV1,
  participantUpdatedV1,
  type ConsentList,
  type ConsentView,
  type DuplicateCheckRequest,
  type DuplicateCheckResponse,
  type DuplicateConflictBody,
  type Page,
  type ParticipantDetail,
  type ParticipantSummary,
  type RecordConsentRequest,
  type RegisterParticipantRequest,
  type UpdateParticipantRequest,
  type VersionConflictBody,
} from '@waypoint/contracts';
import {
  applyParticipantChanges,
  matchKeys,
  nameSearchKeys,
  rankDuplicates,
  recordConsent,
  registerPerson,
  revokeConsent,
  reviewRequiredFor,
  unreviewedCandidates,
  validateSsn,
  type ProtectedSsn,
} from '@waypoint/intake-domain';
import { createEvent, faultPoint, unprocessable, validationError, type OutboxRelay } from '@waypoint/platform';
import { ProgramCatalog } from '../programs/program-catalog.service';
import { toCandidate, toConsentView, toDetail, toRecord, toSubject, toSummary } from './participant.mapper';
import type { ParticipantDocument } from './participant.schema';
import { ParticipantsRepository, type ListQuery } from './participants.repository';
import { PiiProtector } from './pii-protector';

export const PARTICIPANT_OUTBOX = Symbol('PARTICIPANT_OUTBOX');

/** Who is acting: from the internal token. */
export interface Actor {
  id: string;
  username: string;
  roles: readonly string[];
}

const today = () => new Date().toISOString().slice(0, 10);

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly repo: ParticipantsRepository,
    private readonly pii: PiiProtector,
    private readonly catalog: ProgramCatalog,
    @Inject(PARTICIPANT_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  /**
   * Search before create: the people on file under any match key (name + date of birth,
   * the name in any order, SSN last four + date of birth, the whole SSN, e-mail, phone),
   * scored and ranked, best first.
   */
  async duplicateCheck(input: DuplicateCheckRequest): Promise<DuplicateCheckResponse> {
    const { candidates } = await this.findDuplicates(input, this.ssnDigits(input.ssn));
    return { candidates, reviewRequiredFor: reviewRequiredFor(candidates.map((c) => ({ id: c.participant.id, level: c.level }))) };
  }

  /**
   * Registers a participant. With an idempotency key (one per form submission), a retry of
   * the same submission (say after a time-out that hid a success) returns the participant
   * it created instead of registering the person twice: the key fixes the participant id,
   * and the database refuses a second document with that id. A person who looks like
   * someone on file ('likely' or 'certain') is registered only with the worker's review.
   */
  async register(
    input: RegisterParticipantRequest,
    actor: Actor,
    idempotencyKey?: string,
    sessionId?: string,
  ): Promise<{ participant: ParticipantDetail; replayed: boolean }> {
    const id = idempotencyKey ? idFromKey(actor.id, idempotencyKey) : randomUUID();
    const earlier = await this.replay(actor, idempotencyKey);
    if (earlier) return { participant: earlier, replayed: true };
    const ssnDigits = this.ssnDigits(input.ssn);
    const ruleErrors = await this.catalog.check({ office: input.office, programs: input.programsOfInterest });
    if (ruleErrors.length) throw unprocessable(ruleErrors);

    const { candidates } = await this.findDuplicates(input, ssnDigits);
    const required = reviewRequiredFor(candidates.map((c) => ({ id: c.participant.id, level: c.level })));
    const missing = unreviewedCandidates(required, input.duplicateReview);
    if (missing.length) {
      const body: DuplicateConflictBody = {
        statusCode: 409,
        error: 'Conflict',
        code: 'possible-duplicate',
        message: input.duplicateReview
          ? `Review every likely duplicate before registering: ${missing.length} not listed in duplicateReview.reviewedCandidateIds. Nothing was registered.`
          : `This person may already be on file (${required.length} likely match${required.length > 1 ? 'es' : ''}). Open the existing record instead, or confirm after review that this is someone else. Nothing was registered.`,
        candidates,
        reviewRequiredFor: required,
      };
      throw new ConflictException(body);
    }

    const now = new Date();
    const ssn: ProtectedSsn | undefined = ssnDigits ? this.pii.protectSsn(ssnDigits, input.dateOfBirth) : undefined;
    const participant = registerPerson(input, { id, registeredBy: actor.username, now, ...(sessionId ? { sessionId } : {}) }, ssn);
    const event = createEvent(participantRegisteredV1, participant.id, {
      participantId: participant.id,
      firstName: participant.firstName,
      lastName: participant.lastName,
      dateOfBirth: participant.dateOfBirth,
      office: participant.office,
      programsOfInterest: participant.programsOfInterest,
      registeredAt: participant.registeredAt.toISOString(),
      registeredBy: actor.username,
      ...(sessionId ? { sessionId } : {}),
    });
    let doc;
    try {
      doc = await this.repo.insertWithEvents(participant, [{ topic: participantRegisteredV1.topic, envelope: event }]);
    } catch (err) {
      // Two copies of one submission raced: the first one won; answer with its result.
      const existing = idempotencyKey && isDuplicateKey(err) ? await this.repo.findById(id) : null;
      if (existing) return { participant: this.detail(existing, actor), replayed: true };
      throw err;
    }
    // A crash here must lose nothing: the event is already in the document's outbox.
    faultPoint('intake-after-write');
    this.relay.kick(doc._id);
    return { participant: this.detail(doc, actor), replayed: false };
  }

  /** The participant an earlier submission with this idempotency key registered, if any. */
  async replay(actor: Actor, idempotencyKey: string | undefined): Promise<ParticipantDetail | null> {
    if (!idempotencyKey) return null;
    const existing = await this.repo.findById(idFromKey(actor.id, idempotencyKey));
    return existing ? this.detail(existing, actor) : null;
  }

  async get(id: string, actor: Actor): Promise<ParticipantDetail> {
    return this.detail(await this.require(id), actor);
  }

  /** The stored document; 404 when there is none. */
  async require(id: string): Promise<ParticipantDocument> {
    const doc = await this.repo.findById(id);
    if (!doc) throw new NotFoundException(`No participant with id ${id}`);
    return doc;
  }

  async list(q: ListQuery): Promise<Page<ParticipantSummary>> {
    const docs = await this.repo.list({ ...q, limit: q.limit + 1 });
    const page = docs.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor =
      docs.length > q.limit && last ? encodeCursor([last.lastNameKey, last.firstNameKey, last._id]) : null;
    return { items: page.map(toSummary), nextCursor };
  }

  /**
   * Changes a person's record if `expectedVersion` is still current (409 otherwise), and
   * announces the change (names of changed fields, values of the non-sensitive ones).
   * A change that changes nothing answers the record as it is, with no event.
   */
  async update(id: string, changes: Omit<UpdateParticipantRequest, 'version'>, expectedVersion: number, actor: Actor): Promise<ParticipantDetail> {
    const doc = await this.require(id);
    const current = toRecord(doc);
    if (current.version !== expectedVersion) throw staleVersion(current.version);
    const ruleErrors = await this.catalog.check({ office: changes.office, programs: changes.programsOfInterest });
    if (ruleErrors.length) throw unprocessable(ruleErrors);
    const ssn = current.ssn;
    const outcome = applyParticipantChanges(current, changes, ssn ? (dob) => this.pii.hashSsnLast4(this.pii.ssnLast4(ssn), dob) : undefined);
    if (!outcome.ok) throw unprocessable(outcome.errors);
    if (outcome.changedFields.length === 0) return this.detail(doc, actor);

    const next = outcome.record;
    const now = new Date();
    const event = createEvent(participantUpdatedV1, id, {
      participantId: id,
      version: next.version,
      changedFields: outcome.changedFields,
      changes: {
        ...(outcome.changedFields.includes('firstName') ? { firstName: next.firstName } : {}),
        ...(outcome.changedFields.includes('lastName') ? { lastName: next.lastName } : {}),
        ...(outcome.changedFields.includes('dateOfBirth') ? { dateOfBirth: next.dateOfBirth } : {}),
        ...(outcome.changedFields.includes('office') ? { office: next.office } : {}),
        ...(outcome.changedFields.includes('programsOfInterest') ? { programsOfInterest: next.programsOfInterest } : {}),
      },
      updatedAt: now.toISOString(),
      updatedBy: actor.username,
    });
    if (!(await this.repo.updateIfVersion(next, expectedVersion, [{ topic: participantUpdatedV1.topic, envelope: event }]))) {
      const latest = await this.require(id);
      throw staleVersion(latest.version ?? 1);
    }
    this.relay.kick(id);
    return this.detail(await this.require(id), actor);
  }

  async consents(id: string): Promise<ConsentList> {
    const doc = await this.require(id);
    const asOf = today();
    return { participantId: id, asOf, items: (doc.consents ?? []).map((c) => toConsentView(id, c, asOf)) };
  }

  async recordConsent(id: string, input: RecordConsentRequest, actor: Actor): Promise<ConsentView> {
    const consent = recordConsent(input, { id: randomUUID(), recordedBy: actor.username, now: new Date() });
    const event = createEvent(participantConsentRecordedV1, id, {
      participantId: id,
      consentId: consent.id,
      partner: consent.partner,
      scopes: consent.scopes,
      grantedOn: consent.grantedOn,
      expiresOn: consent.expiresOn,
      recordedBy: actor.username,
    });
    if (!(await this.repo.addConsent(id, consent, [{ topic: participantConsentRecordedV1.topic, envelope: event }]))) {
      throw new NotFoundException(`No participant with id ${id}`);
    }
    this.relay.kick(id);
    return toConsentView(id, consent, today());
  }

  async revokeConsent(id: string, consentId: string, reason: string, actor: Actor): Promise<ConsentView> {
    const doc = await this.require(id);
    const consents = doc.consents ?? [];
    const index = consents.findIndex((c) => c.id === consentId);
    if (index < 0) throw new NotFoundException(`Participant ${id} has no consent ${consentId}`);
    const outcome = revokeConsent(consents[index], { by: actor.username, reason, now: new Date() });
    if (!outcome.ok) throw new ConflictException({ statusCode: 409, error: 'Conflict', code: outcome.problem, message: outcome.message });
    const revoked = outcome.consent.revoked as NonNullable<typeof outcome.consent.revoked>;
    const event = createEvent(participantConsentRevokedV1, id, {
      participantId: id,
      consentId,
      partner: outcome.consent.partner,
      revokedAt: revoked.at.toISOString(),
      revokedBy: actor.username,
    });
    if (!(await this.repo.revokeConsent(id, index, consentId, revoked, [{ topic: participantConsentRevokedV1.topic, envelope: event }]))) {
      throw new ConflictException({ statusCode: 409, error: 'Conflict', code: 'already-revoked', message: 'This consent was revoked meanwhile' });
    }
    this.relay.kick(id);
    return toConsentView(id, outcome.consent, today());
  }

  /** The detail for this reader: SSN last four only for roles allowed to see them. */
  detail(doc: ParticipantDocument, actor: Pick<Actor, 'roles'>): ParticipantDetail {
    if (!can(actor.roles, 'readSsnLast4')) return toDetail(doc);
    return toDetail(doc, { ssnLast4: doc.ssn ? this.pii.ssnLast4(doc.ssn) : null });
  }

  /** The SSN's digits, or 400 on the `ssn` field for a number that cannot exist (never repeating it). */
  private ssnDigits(ssn: string | undefined): string | undefined {
    if (ssn === undefined || ssn.trim() === '') return undefined;
    const result = validateSsn(ssn);
    if (!result.ok) throw validationError([{ field: 'ssn', message: result.error.message }]);
    return result.digits;
  }

  private async findDuplicates(input: DuplicateCheckRequest, ssnDigits: string | undefined) {
    const keys = matchKeys({ ...input, ssn: ssnDigits }, this.pii.hashSsnLast4);
    if (!keys.ok) throw validationError([{ field: 'ssn', message: keys.error.message }]);
    const ssnHash = ssnDigits ? this.pii.hashSsn(ssnDigits) : undefined;
    const docs = await this.repo.findCandidates({
      ...nameSearchKeys(input),
      ...(keys.keys.ssnLast4Dob ? { ssnLast4DobHash: keys.keys.ssnLast4Dob } : {}),
      ...(ssnHash ? { ssnHash } : {}),
      ...(keys.keys.email ? { email: keys.keys.email } : {}),
      ...(keys.keys.phone ? { phone: keys.keys.phone } : {}),
    });
    const subject = {
      firstName: input.firstName,
      lastName: input.lastName,
      dateOfBirth: input.dateOfBirth,
      ...(keys.keys.ssnLast4Dob ? { ssnLast4Dob: keys.keys.ssnLast4Dob } : {}),
      ...(ssnHash ? { ssnHash } : {}),
      ...(keys.keys.email ? { email: keys.keys.email } : {}),
      ...(keys.keys.phone ? { phone: keys.keys.phone } : {}),
    };
    return { candidates: rankDuplicates(subject, docs.map(toSubject)).map(toCandidate) };
  }
}

function staleVersion(currentVersion: number): ConflictException {
  const body: VersionConflictBody = {
    statusCode: 409,
    error: 'Conflict',
    code: 'stale-version',
    message: `Someone changed this record since you opened it (now version ${currentVersion}). Reload it and apply your change again.`,
    currentVersion,
  };
  return new ConflictException(body);
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
