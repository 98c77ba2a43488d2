import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DocumentWriteLocks } from '@waypoint/platform';

/** The kinds of casework record a person's case file lists. */
export type CaseFileKind = 'services' | 'contacts' | 'tasks';

type CaseFileDocument = { _id: string } & Partial<Record<CaseFileKind, string[]>>;

/**
 * One small document per participant (`_id` = participantId) listing the ids of their
 * services, contacts and tasks, so a person's lists are reads by `_id` only: FerretDB 1.x
 * reads the whole collection for a filter on `participantId`, which grows with every
 * person's casework. (The same remedy as intake's match-key directory and series heads.)
 *
 * An id is filed before its record is written: a crash in between leaves an id that points
 * at nothing, which readers skip; never a record the lists cannot find.
 */
@Injectable()
export class CaseFileIndex {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly locks: DocumentWriteLocks,
  ) {}

  private get collection() {
    return this.connection.collection<CaseFileDocument>('case_files');
  }

  /** Files `id` in the person's case file (once, however often it is filed). */
  async file(participantId: string, kind: CaseFileKind, id: string): Promise<void> {
    await this.locks.writesTo(this.collection).updateOne({ _id: participantId }, { $addToSet: { [kind]: id } }, { upsert: true });
  }

  /** The ids of the person's records of this kind, in the order they were filed. */
  async ids(participantId: string, kind: CaseFileKind): Promise<string[]> {
    const file = await this.collection.findOne({ _id: participantId }, { projection: { [kind]: 1 } });
    return file?.[kind] ?? [];
  }

  /** The person's records of this kind, each read by `_id` (ids that point at nothing, or at someone else's record, skipped). */
  async records<T extends { participantId: string }>(participantId: string, kind: CaseFileKind, read: (id: string) => Promise<T | null>): Promise<T[]> {
    const found = await Promise.all((await this.ids(participantId, kind)).map(read));
    return found.filter((r): r is Awaited<T> => r !== null && r.participantId === participantId);
  }
}
