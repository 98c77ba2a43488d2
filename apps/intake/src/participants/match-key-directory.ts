import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { nameSearchKeys } from '@waypoint/intake-domain';
import { DocumentWriteLocks } from '@waypoint/platform';
import type { ParticipantDocument } from './participant.schema';

/** The indexed keys a person may already be on file under (each an equality lookup). */
export interface CandidateKeys {
  nameDobKeys: string[];
  nameKeyOrderFree: string;
  ssnLast4DobHash?: string;
  ssnHash?: string;
  email?: string;
  phone?: string;
}

export const MATCH_KEYS_COLLECTION = 'participant_match_keys';
/** Present once every participant stored before the directory existed has been indexed. */
const BACKFILLED = '~backfilled:v1';

/** One directory entry per key: `_id` is the key, e.g. `e:ana@example.org`. */
interface KeyEntry {
  _id: string;
  participantIds: string[];
}

/** The directory ids of a person's keys (kind prefix + value), without repeats. */
export function matchKeyIds(keys: CandidateKeys): string[] {
  const ids = [
    ...keys.nameDobKeys.map((k) => `nd:${k}`),
    ...(keys.nameKeyOrderFree ? [`n:${keys.nameKeyOrderFree}`] : []),
    ...(keys.ssnLast4DobHash ? [`s4:${keys.ssnLast4DobHash}`] : []),
    ...(keys.ssnHash ? [`s:${keys.ssnHash}`] : []),
    ...(keys.email ? [`e:${keys.email}`] : []),
    ...(keys.phone ? [`p:${keys.phone}`] : []),
  ];
  return [...new Set(ids)];
}

/** The keys a stored participant is found under. */
export function candidateKeysOf(
  doc: Pick<ParticipantDocument, 'nameDobKeys' | 'nameKeyOrderFree' | 'email' | 'phone'> & { ssn?: { last4DobHash?: string; hash?: string } },
): CandidateKeys {
  return {
    nameDobKeys: doc.nameDobKeys ?? [],
    nameKeyOrderFree: doc.nameKeyOrderFree ?? '',
    ...(doc.ssn?.last4DobHash ? { ssnLast4DobHash: doc.ssn.last4DobHash } : {}),
    ...(doc.ssn?.hash ? { ssnHash: doc.ssn.hash } : {}),
    ...(doc.email ? { email: doc.email } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
  };
}

/**
 * Who is on file under which match key, as documents whose `_id` IS the key.
 *
 * Why not the indexes on `participants`: FerretDB 1.x (SQLite) pushes down no filter but
 * `_id` equality, so every other query reads the whole collection: a duplicate search among
 * 100,000 people took 30-80 s (docs/benchmarks.md). A lookup by `_id` takes a millisecond
 * or two at any size, so the duplicate search asks this directory one key at a time, then
 * reads the candidates by `_id`. On MongoDB it costs one small extra write per key.
 *
 * Keys are added BEFORE the person is stored (a crash in between leaves a key pointing at
 * nobody, which the search skips) and never removed: after a correction the old key still
 * leads to the person, who is then scored on their current values, so it is harmless.
 */
@Injectable()
export class MatchKeyDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger('match-key-directory');
  private readonly entries: Collection<KeyEntry>;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly locks: DocumentWriteLocks,
  ) {
    this.entries = connection.collection<KeyEntry>(MATCH_KEYS_COLLECTION);
  }

  onApplicationBootstrap(): void {
    this.backfill().catch((err: Error) => this.logger.error(`match key backfill failed: ${err.message}`));
  }

  /** Files `participantId` under each key (idempotent). */
  async add(participantId: string, keys: CandidateKeys): Promise<void> {
    const writes = this.locks.writesTo(this.entries);
    await Promise.all(
      matchKeyIds(keys).map(async (_id) => {
        const update = { $addToSet: { participantIds: participantId } };
        try {
          await writes.updateOne({ _id }, update, { upsert: true });
        } catch (err) {
          // Another process created the entry at the same moment: it exists now, add to it.
          if ((err as { code?: number }).code !== 11000) throw err;
          await writes.updateOne({ _id }, update);
        }
      }),
    );
  }

  /** Everyone filed under any of the keys, at most `limit` ids, in key order. */
  async lookup(keys: CandidateKeys, limit: number): Promise<string[]> {
    const found = await Promise.all(matchKeyIds(keys).map((_id) => this.entries.findOne({ _id })));
    const ids = new Set<string>();
    for (const entry of found) for (const id of entry?.participantIds ?? []) if (ids.size < limit) ids.add(id);
    return [...ids];
  }

  /**
   * Files every participant stored before the directory existed (once: a marker entry
   * records that it ran). Returns how many it filed.
   */
  async backfill(batchSize = 500): Promise<number> {
    if (await this.entries.findOne({ _id: BACKFILLED })) return 0;
    const participants = this.connection.collection<ParticipantDocument>('participants');
    const cursor = participants.find(
      {},
      { projection: { firstName: 1, lastName: 1, dateOfBirth: 1, 'ssn.last4DobHash': 1, 'ssn.hash': 1, email: 1, phone: 1 } },
    );
    let done = 0;
    let batch: Promise<void>[] = [];
    for await (const doc of cursor) {
      // Name keys from the names themselves: records older than the stored keys have none.
      batch.push(this.add(String(doc._id), candidateKeysOf({ ...doc, ...nameSearchKeys(doc) })));
      if (batch.length >= batchSize) {
        await Promise.all(batch);
        batch = [];
      }
      done++;
    }
    await Promise.all(batch);
    await this.entries.updateOne({ _id: BACKFILLED }, { $set: { participantIds: [] } }, { upsert: true });
    if (done) this.logger.log(`match keys filed for ${done} earlier records`);
    return done;
  }
}
