import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { JourneyPhase, JourneyStatusChangedV1 } from '@waypoint/contracts';
import type { Consent, PersonRecord } from '@waypoint/intake-domain';
import { DocumentWriteLocks, outboxForInsert, outboxForUpdate, type PublishableEvent } from '@waypoint/platform';
import { candidateKeysOf, MatchKeyDirectory, type CandidateKeys } from './match-key-directory';
import { toPersistence } from './participant.mapper';
import { PARTICIPANT_MODEL, type JourneyStatusProjection, type ParticipantDocument, type SessionLink } from './participant.schema';

export type { CandidateKeys } from './match-key-directory';

export interface ListQuery {
  limit: number;
  cursor?: [string, string, string];
  /** Folded words; each must prefix some word of the person's names. */
  nameWords?: string[];
  office?: string;
}

/** What the search-keys backfill reads of a record stored before the keys existed. */
type LegacyRecord = Pick<ParticipantDocument, '_id' | 'firstName' | 'lastName' | 'dateOfBirth' | 'email' | 'phone' | 'ssn'>;

/** Fields never needed outside the service's own writes. */
const LIST_PROJECTION = { outbox: 0, consents: 0, ssn: 0, duplicateReview: 0, intakeSessions: 0 };
/** How many records one duplicate search looks at, at most (a very common name stops here). */
export const MAX_DUPLICATE_CANDIDATES = 200;

@Injectable()
export class ParticipantsRepository {
  constructor(
    @InjectModel(PARTICIPANT_MODEL) private readonly model: Model<ParticipantDocument>,
    private readonly locks: DocumentWriteLocks,
    private readonly matchKeys: MatchKeyDirectory,
  ) {}

  /** The collection with updates taken through its per-document write lock (see DocumentWriteLock). */
  private get writes() {
    return this.locks.writesTo(this.model.collection);
  }

  get collection() {
    return this.model.collection;
  }

  /** Stores the participant and the events it caused in one atomic document write. */
  async insertWithEvents(participant: PersonRecord, events: PublishableEvent[]): Promise<ParticipantDocument> {
    const doc = { ...toPersistence(participant), ...outboxForInsert(events) };
    // Keys first: a crash before the insert leaves keys pointing at nobody (skipped).
    await this.matchKeys.add(participant.id, candidateKeysOf(participant));
    await this.model.collection.insertOne(doc as never);
    return doc as ParticipantDocument;
  }

  findById(id: string): Promise<ParticipantDocument | null> {
    return this.model.findById(id, { outbox: 0 }).lean<ParticipantDocument>().exec();
  }

  findSummaries(ids: string[]): Promise<ParticipantDocument[]> {
    return this.model.find({ _id: { $in: ids } }, LIST_PROJECTION).lean<ParticipantDocument[]>().exec();
  }

  /**
   * Everyone on file under any of the keys (unranked; the caller scores them on their
   * current values). Looks the keys up in the MatchKeyDirectory, then reads each person by
   * `_id`: the only lookups FerretDB 1.x answers without reading the whole collection.
   */
  async findCandidates(keys: CandidateKeys): Promise<ParticipantDocument[]> {
    const ids = await this.matchKeys.lookup(keys, MAX_DUPLICATE_CANDIDATES);
    const docs = await Promise.all(
      ids.map((_id) =>
        this.model.findOne({ _id }, { outbox: 0, consents: 0, intakeSessions: 0, duplicateReview: 0 }).lean<ParticipantDocument>().exec(),
      ),
    );
    return docs.filter((d): d is ParticipantDocument => d !== null);
  }

  /** Records stored before the name search keys existed (see SearchKeysBackfill). */
  withoutSearchKeys(limit: number): Promise<LegacyRecord[]> {
    return this.model
      .find({ nameDobKeys: { $exists: false } }, { firstName: 1, lastName: 1, dateOfBirth: 1, email: 1, phone: 1, 'ssn.last4DobHash': 1, 'ssn.hash': 1 })
      .limit(limit)
      .lean<LegacyRecord[]>()
      .exec();
  }

  async setSearchKeys(id: string, keys: { nameDobKeys: string[]; nameKeyOrderFree: string }): Promise<void> {
    await this.writes.updateOne({ _id: id, nameDobKeys: { $exists: false } } as never, { $set: keys } as never);
  }

  /** Keyset page ordered by (last name, first name, id); never skips. */
  async list(q: ListQuery): Promise<ParticipantDocument[]> {
    const and: FilterQuery<ParticipantDocument>[] = [];
    if (q.office) and.push({ office: q.office });
    // An anchored prefix regex matches any array element and can use the multikey index.
    // (A range in $elemMatch would too on MongoDB, but FerretDB 1.x applies its bounds to
    // different elements.) Words are folded to [a-z0-9] by nameTokens, so need no escaping.
    for (const word of q.nameWords ?? []) and.push({ nameTokens: { $regex: `^${word}` } });
    if (q.cursor) {
      const [last, first, id] = q.cursor;
      and.push({
        $or: [
          { lastNameKey: { $gt: last } },
          { lastNameKey: last, firstNameKey: { $gt: first } },
          { lastNameKey: last, firstNameKey: first, _id: { $gt: id } },
        ],
      });
    }
    return this.model
      .find(and.length ? { $and: and } : {}, LIST_PROJECTION)
      .sort({ lastNameKey: 1, firstNameKey: 1, _id: 1 })
      .limit(q.limit)
      .lean<ParticipantDocument[]>()
      .exec();
  }

  /**
   * Replaces the person's fields if the stored version is still `expectedVersion`, with
   * the events in the same write. False when someone else changed the record first.
   */
  async updateIfVersion(record: PersonRecord, expectedVersion: number, events: PublishableEvent[]): Promise<boolean> {
    const { id, ...fields } = record;
    const unset = (['email', 'phone', 'address'] as const).filter((f) => fields[f] === undefined);
    const outbox = outboxForUpdate(events);
    // The corrected names and contacts are searchable before the record changes (see insertWithEvents).
    await this.matchKeys.add(id, candidateKeysOf(fields));
    const set: Record<string, unknown> = { ...outbox.$set };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) set[k] = v;
    // Records written before versions existed are at version 1.
    const versionFilter = expectedVersion === 1 ? { $or: [{ version: 1 }, { version: { $exists: false } }] } : { version: expectedVersion };
    const res = await this.writes.updateOne(
      { _id: id, ...versionFilter } as never,
      {
        $set: set,
        ...(unset.length ? { $unset: Object.fromEntries(unset.map((f) => [f, ''])) } : {}),
        $push: outbox.$push,
        $inc: outbox.$inc,
      } as never,
    );
    return res.matchedCount === 1;
  }

  /** Appends a consent and its event in one write. False if there is no such participant. */
  async addConsent(participantId: string, consent: Consent, events: PublishableEvent[]): Promise<boolean> {
    const outbox = outboxForUpdate(events);
    const res = await this.writes.updateOne({ _id: participantId } as never, {
      $push: { consents: consent, outbox: outbox.$push.outbox },
      $set: outbox.$set,
      $inc: outbox.$inc,
    } as never);
    return res.matchedCount === 1;
  }

  /**
   * Marks the consent at `index` revoked, only if it is still that consent and not yet
   * revoked (so two revocations cannot both win). False otherwise.
   */
  async revokeConsent(participantId: string, index: number, consentId: string, revoked: NonNullable<Consent['revoked']>, events: PublishableEvent[]): Promise<boolean> {
    const outbox = outboxForUpdate(events);
    const res = await this.writes.updateOne(
      { _id: participantId, [`consents.${index}.id`]: consentId, [`consents.${index}.revoked`]: { $exists: false } } as never,
      { $set: { ...outbox.$set, [`consents.${index}.revoked`]: revoked }, $push: outbox.$push, $inc: outbox.$inc } as never,
    );
    return res.matchedCount === 1;
  }

  /** Adds the person to a session unless already in it. False if they were already in it (or do not exist). */
  async addSessionLink(participantId: string, link: SessionLink): Promise<boolean> {
    const res = await this.writes.updateOne(
      { _id: participantId, 'intakeSessions.sessionId': { $ne: link.sessionId } } as never,
      { $push: { intakeSessions: link } } as never,
    );
    return res.matchedCount === 1;
  }

  /** The people in a session, with how each came to be in it. */
  findBySession(sessionId: string): Promise<ParticipantDocument[]> {
    return this.model
      .find({ 'intakeSessions.sessionId': sessionId }, { outbox: 0, consents: 0, ssn: 0, duplicateReview: 0 })
      .sort({ lastNameKey: 1, firstNameKey: 1, _id: 1 })
      .lean<ParticipantDocument[]>()
      .exec();
  }

  countBySession(sessionId: string): Promise<number> {
    return this.model.countDocuments({ 'intakeSessions.sessionId': sessionId }).exec();
  }

  /**
   * Applies a journey phase change if it is newer than the one held. Returns false for a
   * stale or repeated change, so redelivery never moves a phase backwards.
   */
  async applyJourneyPhase(participantId: string, phase: JourneyPhase, sequence: number, at: Date): Promise<boolean> {
    const res = await this.writes.updateOne(
      { _id: participantId, journeySequence: { $lt: sequence } } as never,
      { $set: { journeyPhase: phase, journeySequence: sequence, journeyUpdatedAt: at } } as never,
    );
    return res.modifiedCount === 1;
  }

  /**
   * Applies a journey status (phase, last service, next deadline, proposed exit, open tasks)
   * if its revision is newer than the one held. Returns false for a stale or repeated one,
   * so redelivery never moves the list back.
   */
  async applyJourneyStatus(status: JourneyStatusChangedV1): Promise<boolean> {
    const projection: JourneyStatusProjection = {
      revision: status.revision,
      lastServiceOn: status.lastServiceOn,
      nextDeadline: status.nextDeadline,
      exitProposedOn: status.exitProposedOn,
      openTasks: status.openTasks,
      changedAt: new Date(status.changedAt),
    };
    const res = await this.writes.updateOne(
      {
        _id: status.participantId,
        $or: [{ journeyStatus: { $exists: false } }, { 'journeyStatus.revision': { $lt: status.revision } }],
      } as never,
      { $set: { journeyStatus: projection, journeyPhase: status.phase, journeyUpdatedAt: projection.changedAt } } as never,
    );
    return res.modifiedCount === 1;
  }
}
