import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, FilterQuery, Model, ProjectionType } from 'mongoose';
import type { AssessmentKind } from '@waypoint/contracts';
import { DocumentWriteLocks, outboxForInsert, type PublishableEvent } from '@waypoint/platform';
import { HEADER_PROJECTION } from './assessment.mapper';
import { ASSESSMENT_MODEL, type AssessmentDocument } from './assessment.schema';
import { PERSONAL_READINESS_MODEL, type PersonalReadinessDocument } from './personal-readiness.schema';

/**
 * The head of one participant's series of one kind: its newest number and assessment id.
 * `_id` is `<participantId>|<kind>`, so finding the newest assessment is two reads by `_id`
 * (FerretDB 1.x reads the whole collection for any other filter; see docs/engines.md).
 */
interface SeriesHead {
  _id: string;
  number: number;
  latestId: string;
}
export const SERIES_COLLECTION = 'assessment_series';
/** Present once every series stored before heads existed has one. */
const HEADS_BACKFILLED = '~backfilled:v1';

export interface DueQuery {
  before: string;
  kinds: AssessmentKind[];
  office?: string;
  limit: number;
  cursor?: [string, string];
}

@Injectable()
export class AssessmentsRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger('assessment-series');
  /** Whether every series has a head (then no head means no assessment yet). */
  private headsComplete = false;

  constructor(
    @InjectModel(ASSESSMENT_MODEL) private readonly model: Model<AssessmentDocument>,
    @InjectModel(PERSONAL_READINESS_MODEL) private readonly personal: Model<PersonalReadinessDocument>,
    @InjectConnection() private readonly connection: Connection,
    private readonly locks: DocumentWriteLocks,
  ) {}

  private get heads() {
    return this.connection.collection<SeriesHead>(SERIES_COLLECTION);
  }

  onApplicationBootstrap(): void {
    this.backfillHeads().catch((err: Error) => this.logger.error(`series head backfill failed: ${err.message}`));
  }

  /**
   * Gives every series stored before heads existed its head (once: a marker records it).
   * Until it has run, a missing head is checked by query. Returns how many heads it wrote.
   */
  async backfillHeads(): Promise<number> {
    if (await this.heads.findOne({ _id: HEADS_BACKFILLED })) {
      this.headsComplete = true;
      return 0;
    }
    const newest = new Map<string, { number: number; id: string }>();
    const cursor = this.model.collection.find({}, { projection: { participantId: 1, kind: 1, number: 1 } });
    for await (const d of cursor) {
      const key = `${String(d.participantId)}|${String(d.kind)}`;
      if ((newest.get(key)?.number ?? 0) < (d.number as number)) newest.set(key, { number: d.number as number, id: String(d._id) });
    }
    for (const [key, head] of newest) {
      const [participantId, kind] = key.split('|');
      await this.supersede(participantId, kind as AssessmentKind, head.number, head.id, null);
    }
    await this.heads.updateOne({ _id: HEADS_BACKFILLED }, { $set: { number: 0, latestId: '' } }, { upsert: true });
    this.headsComplete = true;
    if (newest.size) this.logger.log(`series heads written for ${newest.size} earlier series`);
    return newest.size;
  }

  /**
   * The participant's office, or null when no such participant: read from the `participants`
   * collection of this same database (owned by the participants module; only existence and
   * office are read here).
   */
  async participantOffice(participantId: string): Promise<string | null> {
    const doc = await this.connection
      .collection<{ _id: string; office: string }>('participants')
      .findOne({ _id: participantId }, { projection: { office: 1 } });
    return doc ? doc.office : null;
  }

  /** Inserts assessment N with its events in one write; a duplicate key (11000) means N was taken. */
  async insertWithEvents(doc: Omit<AssessmentDocument, 'outbox' | 'outboxPending' | 'outboxSeq'>, events: PublishableEvent[]): Promise<void> {
    await this.model.collection.insertOne({ ...doc, ...outboxForInsert(events) } as never);
  }

  /**
   * After assessment `number` (id `id`) was stored: moves the series head to it and clears
   * `latest` on the one before, each by `_id` inside the collection's write lock (the outbox
   * relay may be clearing that document's outbox right now; see DocumentWriteLock).
   */
  async supersede(participantId: string, kind: AssessmentKind, number: number, id: string, previousId: string | null): Promise<void> {
    const headId = `${participantId}|${kind}`;
    await this.locks.for(SERIES_COLLECTION).run(headId, async () => {
      const head = await this.heads.findOne({ _id: headId });
      if (!head || head.number < number) await this.heads.updateOne({ _id: headId }, { $set: { number, latestId: id } }, { upsert: true });
    });
    if (previousId) {
      const writes = this.locks.writesTo(this.model.collection);
      await writes.updateOne({ _id: previousId } as never, { $set: { latest: false } });
    }
  }

  /** The newest assessment of the series: through its head, by `_id`. */
  async newest(participantId: string, kind: AssessmentKind, projection: ProjectionType<AssessmentDocument> = { outbox: 0 }): Promise<AssessmentDocument | null> {
    const head = await this.heads.findOne({ _id: `${participantId}|${kind}` });
    if (head) return this.model.findOne({ _id: head.latestId }, projection).lean<AssessmentDocument>().exec();
    // No head: no assessment yet; or, until the backfill has run, one stored before heads existed.
    if (this.headsComplete) return null;
    const newest = await this.newestByQuery(participantId, kind, projection);
    if (newest) await this.supersede(participantId, kind, newest.number, newest._id, null);
    return newest;
  }

  /**
   * The newest by query on (participant, kind, number): reads the whole collection on FerretDB
   * 1.x, so only for the rare race where another writer took a number before moving the head.
   */
  newestByQuery(participantId: string, kind: AssessmentKind, projection: ProjectionType<AssessmentDocument> = { outbox: 0 }): Promise<AssessmentDocument | null> {
    return this.model.findOne({ participantId, kind }, projection).sort({ number: -1 }).lean<AssessmentDocument>().exec();
  }

  /** Header and summary of the newest assessment of each kind. */
  async newestHeaders(participantId: string, kinds: readonly AssessmentKind[]): Promise<AssessmentDocument[]> {
    const docs = await Promise.all(kinds.map((kind) => this.newest(participantId, kind, HEADER_PROJECTION)));
    return docs.filter((d): d is AssessmentDocument => d !== null);
  }

  /** The series, newest first: from the head back along `previousId`, each by `_id`. */
  async series(participantId: string, kind: AssessmentKind, projection: ProjectionType<AssessmentDocument> = HEADER_PROJECTION): Promise<AssessmentDocument[]> {
    const out: AssessmentDocument[] = [];
    for (let doc = await this.newest(participantId, kind, projection); doc; ) {
      out.push(doc);
      doc = doc.previousId ? await this.model.findOne({ _id: doc.previousId }, projection).lean<AssessmentDocument>().exec() : null;
    }
    return out;
  }

  async byNumber(participantId: string, kind: AssessmentKind, number: number): Promise<AssessmentDocument | null> {
    for (let doc = await this.newest(participantId, kind); doc; ) {
      if (doc.number === number) return doc;
      if (doc.number < number || !doc.previousId) return null;
      doc = await this.model.findOne({ _id: doc.previousId }, { outbox: 0 }).lean<AssessmentDocument>().exec();
    }
    return null;
  }

  countFor(participantId: string): Promise<number> {
    return this.model.countDocuments({ participantId }).exec();
  }

  /** Latest assessments due on or before `before`, keyset-paged by (reassessmentDueOn, _id). */
  due(q: DueQuery): Promise<AssessmentDocument[]> {
    const and: FilterQuery<AssessmentDocument>[] = [{ latest: true }, { reassessmentDueOn: { $lte: q.before } }, { kind: { $in: q.kinds } }];
    if (q.office) and.push({ office: q.office });
    if (q.cursor) {
      const [dueOn, id] = q.cursor;
      and.push({ $or: [{ reassessmentDueOn: { $gt: dueOn } }, { reassessmentDueOn: dueOn, _id: { $gt: id } }] });
    }
    return this.model
      .find({ $and: and }, HEADER_PROJECTION)
      .sort({ reassessmentDueOn: 1, _id: 1 })
      .limit(q.limit)
      .lean<AssessmentDocument[]>()
      .exec();
  }

  personalReadiness(assessmentId: string): Promise<PersonalReadinessDocument | null> {
    return this.personal.findById(assessmentId).lean<PersonalReadinessDocument>().exec();
  }

  /**
   * Saves the checklist as revision `expected + 1`, moving the current list into the history, only
   * if the stored revision is still `expected` (0: none yet). Returns false when someone saved first.
   */
  async savePersonalReadiness(
    current: PersonalReadinessDocument | null,
    next: Omit<PersonalReadinessDocument, 'history'>,
  ): Promise<boolean> {
    if (!current) {
      try {
        await this.personal.collection.insertOne({ ...next, history: [] } as never);
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    }
    const { _id, participantId: _p, number: _n, ...changed } = next;
    // Guarded by revision, through the collection's write lock (FerretDB 1.x would let two
    // saves of the same revision both succeed; see DocumentWriteLock).
    const res = await this.locks
      .writesTo(this.personal.collection)
      .updateOne({ _id, revision: current.revision } as never, {
        $set: changed,
        $push: { history: { items: current.items, revision: current.revision, updatedAt: current.updatedAt, updatedBy: current.updatedBy } },
      } as never);
    return res.modifiedCount === 1;
  }
}
