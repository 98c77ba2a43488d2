import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, FilterQuery, Model } from 'mongoose';
import type { AssessmentKind } from '@waypoint/contracts';
import { DocumentWriteLocks, outboxForInsert, type PublishableEvent } from '@waypoint/platform';
import { HEADER_PROJECTION } from './assessment.mapper';
import { ASSESSMENT_MODEL, type AssessmentDocument } from './assessment.schema';
import { PERSONAL_READINESS_MODEL, type PersonalReadinessDocument } from './personal-readiness.schema';

export interface DueQuery {
  before: string;
  kinds: AssessmentKind[];
  office?: string;
  limit: number;
  cursor?: [string, string];
}

@Injectable()
export class AssessmentsRepository {
  constructor(
    @InjectModel(ASSESSMENT_MODEL) private readonly model: Model<AssessmentDocument>,
    @InjectModel(PERSONAL_READINESS_MODEL) private readonly personal: Model<PersonalReadinessDocument>,
    @InjectConnection() private readonly connection: Connection,
    private readonly locks: DocumentWriteLocks,
  ) {}

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

  /** Clears `latest` on every earlier assessment of the series (also repairs one a crash left behind). */
  async supersede(participantId: string, kind: AssessmentKind, beforeNumber: number): Promise<void> {
    // One document at a time through the collection's write lock: the outbox relay may be
    // clearing the previous assessment's outbox right now (see DocumentWriteLock).
    const earlier = await this.model
      .find({ participantId, kind, number: { $lt: beforeNumber }, latest: true }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    const writes = this.locks.for(this.model.collection.collectionName).wrap(this.model.collection);
    for (const { _id } of earlier) await writes.updateOne({ _id, latest: true } as never, { $set: { latest: false } });
  }

  newest(participantId: string, kind: AssessmentKind): Promise<AssessmentDocument | null> {
    return this.model.findOne({ participantId, kind }, { outbox: 0 }).sort({ number: -1 }).lean<AssessmentDocument>().exec();
  }

  /** Header and summary of the newest assessment of each kind. */
  async newestHeaders(participantId: string, kinds: readonly AssessmentKind[]): Promise<AssessmentDocument[]> {
    const docs = await Promise.all(
      kinds.map((kind) => this.model.findOne({ participantId, kind }, HEADER_PROJECTION).sort({ number: -1 }).lean<AssessmentDocument>().exec()),
    );
    return docs.filter((d): d is AssessmentDocument => d !== null);
  }

  series(participantId: string, kind: AssessmentKind): Promise<AssessmentDocument[]> {
    return this.model.find({ participantId, kind }, HEADER_PROJECTION).sort({ number: -1 }).lean<AssessmentDocument[]>().exec();
  }

  byNumber(participantId: string, kind: AssessmentKind, number: number): Promise<AssessmentDocument | null> {
    return this.model.findOne({ participantId, kind, number }, { outbox: 0 }).lean<AssessmentDocument>().exec();
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
      .for(this.personal.collection.collectionName)
      .wrap(this.personal.collection)
      .updateOne({ _id, revision: current.revision } as never, {
        $set: changed,
        $push: { history: { items: current.items, revision: current.revision, updatedAt: current.updatedAt, updatedBy: current.updatedBy } },
      } as never);
    return res.modifiedCount === 1;
  }
}
