import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { IntakeSessionStatus } from '@waypoint/contracts';
import { INTAKE_SESSION_MODEL, type IntakeSessionDocument } from './intake-session.schema';

/** How many sessions one list answer holds at most. */
export const SESSION_LIST_LIMIT = 100;

@Injectable()
export class IntakeSessionsRepository {
  constructor(@InjectModel(INTAKE_SESSION_MODEL) private readonly model: Model<IntakeSessionDocument>) {}

  async insert(session: IntakeSessionDocument): Promise<void> {
    await this.model.collection.insertOne(session as never);
  }

  findById(id: string): Promise<IntakeSessionDocument | null> {
    return this.model.findById(id).lean<IntakeSessionDocument>().exec();
  }

  list(q: { office?: string; status?: IntakeSessionStatus }): Promise<IntakeSessionDocument[]> {
    return this.model
      .find({ ...(q.office ? { office: q.office } : {}), ...(q.status ? { status: q.status } : {}) })
      .sort({ status: -1, startsAt: -1, _id: 1 }) // 'open' sorts after 'closed': descending puts it first
      .limit(SESSION_LIST_LIMIT)
      .lean<IntakeSessionDocument[]>()
      .exec();
  }

  /** Closes the session if it is open; false if it was not (closed already, or absent). */
  async close(id: string, by: string, at: Date): Promise<boolean> {
    const res = await this.model.collection.updateOne(
      { _id: id, status: 'open' } as never,
      { $set: { status: 'closed', closedAt: at, closedBy: by } } as never,
    );
    return res.matchedCount === 1;
  }
}
