/**
 * What the intake service writes and asks its database, built with the service's own code,
 * so the driver half of the benchmark does the same database work as the service. This is
 * the one file of the benchmark that reads intake internals (mapper, repository, PII
 * protection); if the service changes what it stores or how it searches, this follows.
 */
import type { Collection, Document } from 'mongodb';
import type { DuplicateCheckRequest, RegisterParticipantRequest } from '@waypoint/contracts';
import { matchKeys, nameSearchKeys, registerPerson, validateSsn } from '@waypoint/intake-domain';
import { loadIntakeConfig } from '../../apps/intake/src/config';
import { candidateKeysOf, matchKeyIds, MATCH_KEYS_COLLECTION, type CandidateKeys } from '../../apps/intake/src/participants/match-key-directory';
import { toPersistence } from '../../apps/intake/src/participants/participant.mapper';
import type { ParticipantDocument } from '../../apps/intake/src/participants/participant.schema';
import { MAX_DUPLICATE_CANDIDATES } from '../../apps/intake/src/participants/participants.repository';
import { PiiProtector } from '../../apps/intake/src/participants/pii-protector';

export { MATCH_KEYS_COLLECTION };

export class IntakeDocuments {
  private readonly pii = new PiiProtector(loadIntakeConfig(process.env));

  /** A participant as stored once the relay has published its registered event. */
  storedParticipant(input: RegisterParticipantRequest, id: string, now: Date): Document {
    const digits = input.ssn ? validateSsn(input.ssn) : undefined;
    if (digits && !digits.ok) throw new Error(`bench person has an impossible SSN: ${digits.error.message}`);
    const ssn = digits?.ok ? this.pii.protectSsn(digits.digits, input.dateOfBirth) : undefined;
    const record = registerPerson(input, { id, registeredBy: 'bench', now }, ssn);
    return { ...toPersistence(record), outbox: [], outboxPending: false, outboxSeq: 1 };
  }

  /** The match-key directory ids the service looks up for a duplicate check (or a registration) of `q`. */
  duplicateKeys(q: DuplicateCheckRequest): string[] {
    const digits = q.ssn ? validateSsn(q.ssn) : undefined;
    const ssnDigits = digits?.ok ? digits.digits : undefined;
    const keys = matchKeys({ ...q, ssn: ssnDigits }, this.pii.hashSsnLast4);
    if (!keys.ok) throw new Error(`bench question has an impossible SSN: ${keys.error.message}`);
    const candidateKeys: CandidateKeys = {
      ...nameSearchKeys(q),
      ...(keys.keys.ssnLast4Dob ? { ssnLast4DobHash: keys.keys.ssnLast4Dob } : {}),
      ...(ssnDigits ? { ssnHash: this.pii.hashSsn(ssnDigits) } : {}),
      ...(keys.keys.email ? { email: keys.keys.email } : {}),
      ...(keys.keys.phone ? { phone: keys.keys.phone } : {}),
    };
    return matchKeyIds(candidateKeys);
  }

  /** The directory ids a stored participant is filed under. */
  storedKeys(doc: Document): string[] {
    return matchKeyIds(candidateKeysOf(doc as ParticipantDocument));
  }
}

/**
 * What the service's duplicate search asks the database, with the driver: each key by `_id`
 * in the directory, then each person found by `_id` (see MatchKeyDirectory and
 * ParticipantsRepository.findCandidates).
 */
export async function findCandidatesWithDriver(directory: Collection, participants: Collection, keyIds: string[]): Promise<Document[]> {
  const entries = await Promise.all(keyIds.map((_id) => directory.findOne({ _id: _id as never })));
  const ids = new Set<string>();
  for (const e of entries) for (const id of (e?.participantIds as string[] | undefined) ?? []) if (ids.size < MAX_DUPLICATE_CANDIDATES) ids.add(id);
  const docs = await Promise.all([...ids].map((_id) => participants.findOne({ _id: _id as never }, { projection: { outbox: 0, consents: 0, intakeSessions: 0, duplicateReview: 0 } })));
  return docs.filter((d): d is NonNullable<typeof d> => d !== null);
}

/**
 * Files loaded people in the directory as the service would, in bulk: entries that exist
 * already (people the service registered) get the ids added, the rest are inserted.
 */
export async function fileKeysInBulk(directory: Collection, filed: Map<string, string[]>): Promise<void> {
  const existing = new Set((await directory.find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
  const fresh: Document[] = [];
  for (const [key, participantIds] of filed) {
    if (existing.has(key)) await directory.updateOne({ _id: key as never }, { $addToSet: { participantIds: { $each: participantIds } } });
    else fresh.push({ _id: key, participantIds });
  }
  for (let i = 0; i < fresh.length; i += 2000) await directory.insertMany(fresh.slice(i, i + 2000), { ordered: false });
}
