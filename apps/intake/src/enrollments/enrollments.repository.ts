import { ConflictException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentWriteLocks, outboxForInsert, outboxForUpdate, type OutboxFields, type PublishableEvent } from '@waypoint/platform';
import { ENROLLMENT_MODEL, type EnrollmentDocument } from './enrollment.schema';

@Injectable()
export class EnrollmentsRepository {
  constructor(
    @InjectModel(ENROLLMENT_MODEL) private readonly model: Model<EnrollmentDocument>,
    private readonly locks: DocumentWriteLocks,
  ) {}

  findOpen(openKey: string): Promise<EnrollmentDocument | null> {
    return this.model.findOne({ openKey }, { outbox: 0 }).lean<EnrollmentDocument>().exec();
  }

  findOne(participantId: string, id: string): Promise<EnrollmentDocument | null> {
    return this.model.findOne({ _id: id, participantId }, { outbox: 0 }).lean<EnrollmentDocument>().exec();
  }

  list(participantId: string): Promise<EnrollmentDocument[]> {
    return this.model
      .find({ participantId }, { outbox: 0 })
      .sort({ enrolledOn: -1, _id: 1 })
      .limit(200)
      .lean<EnrollmentDocument[]>()
      .exec();
  }

  /** The enrollment and its event in one write; 409 when an open one in the program exists. */
  async insertWithEvents(doc: Omit<EnrollmentDocument, keyof OutboxFields>, events: PublishableEvent[]): Promise<EnrollmentDocument> {
    const full = { ...doc, ...outboxForInsert(events) };
    try {
      await this.model.collection.insertOne(full as never);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw alreadyOpen(doc.program);
      throw err;
    }
    return full;
  }

  /** Closes the enrollment if it is still open; false when someone closed it first. */
  async exitWithEvents(id: string, exit: NonNullable<EnrollmentDocument['exit']>, events: PublishableEvent[]): Promise<boolean> {
    const outbox = outboxForUpdate(events);
    // Through the collection's write lock: the outbox relay may be clearing this document.
    const res = await this.locks.writesTo(this.model.collection).updateOne({ _id: id, status: 'open' } as never, {
      ...outbox,
      $set: { ...outbox.$set, status: 'exited', openKey: `exited:${id}`, exit },
    } as never);
    return res.modifiedCount === 1;
  }
}

export function alreadyOpen(program: string): ConflictException {
  return new ConflictException(`The participant already has an open enrollment in ${program}; exit it before enrolling again`);
}
