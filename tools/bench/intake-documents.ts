/**
 * What the intake service writes and asks its database, built with the service's own code,
 * so the driver half of the benchmark does the same database work as the service. This is
 * the one file of the benchmark that reads intake internals (mapper, repository, PII
 * protection); if the service changes what it stores or how it searches, this follows.
 */
import type { Document, Filter } from 'mongodb';
import type { DuplicateCheckRequest, RegisterParticipantRequest } from '@waypoint/contracts';
import { matchKeys, nameSearchKeys, registerPerson, validateSsn } from '@waypoint/intake-domain';
import { DocumentWriteLocks } from '@waypoint/platform';
import { loadIntakeConfig } from '../../apps/intake/src/config';
import { toPersistence } from '../../apps/intake/src/participants/participant.mapper';
import { ParticipantsRepository, type CandidateKeys } from '../../apps/intake/src/participants/participants.repository';
import { PiiProtector } from '../../apps/intake/src/participants/pii-protector';

/** One query as the repository issues it through mongoose: filter, projection and cursor options. */
export interface RecordedQuery {
  filter: Filter<Document>;
  projection?: Document;
  limit?: number;
  sort?: Document;
}

/**
 * Stands in for the mongoose model and records the query a repository method builds
 * (find + limit/sort/lean/exec), answering it with no documents.
 */
function recordingModel(sink: RecordedQuery[]): unknown {
  return {
    find(filter: Filter<Document>, projection?: Document) {
      const q: RecordedQuery = { filter, ...(projection ? { projection } : {}) };
      sink.push(q);
      const chain = {
        limit: (n: number) => ((q.limit = n), chain),
        sort: (s: Document) => ((q.sort = s), chain),
        lean: () => chain,
        exec: () => Promise.resolve([]),
      };
      return chain;
    },
  };
}

export class IntakeDocuments {
  private readonly pii = new PiiProtector(loadIntakeConfig(process.env));
  private readonly recorded: RecordedQuery[] = [];
  private readonly repo = new ParticipantsRepository(recordingModel(this.recorded) as never, new DocumentWriteLocks());

  /** A participant as stored once the relay has published its registered event. */
  storedParticipant(input: RegisterParticipantRequest, id: string, now: Date): Document {
    const digits = input.ssn ? validateSsn(input.ssn) : undefined;
    if (digits && !digits.ok) throw new Error(`bench person has an impossible SSN: ${digits.error.message}`);
    const ssn = digits?.ok ? this.pii.protectSsn(digits.digits, input.dateOfBirth) : undefined;
    const record = registerPerson(input, { id, registeredBy: 'bench', now }, ssn);
    return { ...toPersistence(record), outbox: [], outboxPending: false, outboxSeq: 1 };
  }

  /** The candidate query the service runs for a duplicate check (or a registration) of `q`. */
  duplicateQuery(q: DuplicateCheckRequest): RecordedQuery {
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
    this.recorded.length = 0;
    void this.repo.findCandidates(candidateKeys);
    const query = this.recorded[0];
    if (!query) throw new Error('the repository built no candidate query');
    return query;
  }
}
