import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { TaskAudience, TaskStatus } from '@waypoint/contracts';
import { DocumentWriteLocks } from '@waypoint/platform';
import { CaseFileIndex } from '../case-file/case-file-index';
import { TASK_MODEL, type OpenedTaskDocument, type TaskDocument } from './task.schema';

/** How many tasks of one participant a list returns at most. */
export const PARTICIPANT_TASKS_MAX = 500;

export interface TaskPageQuery {
  status: TaskStatus;
  audience?: TaskAudience;
  office?: string;
  dueBefore?: string;
  after?: [dueOn: string, id: string];
  limit: number;
}

/** Where the person a task is about is shown: copied from the participant directory. */
export interface TaskParticipant {
  participantName: string;
  office: string;
}

/** Participants with tasks opened before the directory knew them (`_id` = participantId). */
const WAITING_FOR_DIRECTORY = 'task_directory_waits';

@Injectable()
export class TasksRepository {
  constructor(
    @InjectModel(TASK_MODEL) private readonly model: Model<TaskDocument>,
    private readonly locks: DocumentWriteLocks,
    private readonly caseFile: CaseFileIndex,
  ) {}

  /** Every write to one task runs after the previous one (FerretDB 1.x: racing updates of a document can be lost). */
  inLock<T>(taskId: string, write: () => Promise<T>): Promise<T> {
    return this.locks.for(this.model.collection.collectionName).run(taskId, write);
  }

  findById(id: string): Promise<TaskDocument | null> {
    return this.model.findById(id).lean<TaskDocument>().exec();
  }

  /** Files the task in the person's case file, then writes it. */
  async insert(doc: TaskDocument): Promise<void> {
    await this.caseFile.file(doc.participantId, 'tasks', doc._id);
    await this.model.collection.insertOne(doc as never);
  }

  /** Sets fields and appends history entries by `_id` (call inside `inLock`). */
  async update(id: string, set: Partial<TaskDocument>, push: TaskDocument['history'] = [], unset: (keyof TaskDocument)[] = []): Promise<void> {
    await this.model.collection.updateOne({ _id: id } as never, {
      ...(Object.keys(set).length ? { $set: set } : {}),
      ...(push.length ? { $push: { history: { $each: push } } } : {}),
      ...(unset.length ? { $unset: Object.fromEntries(unset.map((f) => [f, ''])) } : {}),
    } as never);
  }

  /** The participant's opened tasks (placeholders left out), soonest due first, at most PARTICIPANT_TASKS_MAX; read by `_id` through the case file. */
  async forParticipant(participantId: string): Promise<OpenedTaskDocument[]> {
    const tasks = await this.caseFile.records(participantId, 'tasks', (id) => this.findById(id));
    return (tasks.filter((t) => !t.awaitingOpen) as OpenedTaskDocument[])
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a._id.localeCompare(b._id))
      .slice(0, PARTICIPANT_TASKS_MAX);
  }

  /** Keyset page by (dueOn, _id), soonest due first; one more than `limit` tells whether more follow. */
  page(q: TaskPageQuery): Promise<OpenedTaskDocument[]> {
    const and: FilterQuery<TaskDocument>[] = [{ status: q.status }, { awaitingOpen: { $ne: true } }];
    if (q.audience) and.push({ audience: q.audience });
    if (q.office) and.push({ office: q.office });
    if (q.dueBefore) and.push({ dueOn: { $lte: q.dueBefore } });
    if (q.after) {
      const [dueOn, id] = q.after;
      and.push({ $or: [{ dueOn: { $gt: dueOn } }, { dueOn, _id: { $gt: id } }] });
    }
    return this.model
      .find({ $and: and })
      .sort({ dueOn: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<OpenedTaskDocument[]>()
      .exec();
  }

  /** Copies the person's current name and office onto every task about them (each through its lock). */
  async setParticipant(participantId: string, participant: TaskParticipant): Promise<void> {
    for (const id of await this.caseFile.ids(participantId, 'tasks')) await this.inLock(id, () => this.update(id, { ...participant }));
  }

  /** Notes that tasks about this person wait for the directory to learn who they are. */
  async waitForDirectory(participantId: string): Promise<void> {
    await this.model.db.collection(WAITING_FOR_DIRECTORY).updateOne({ _id: participantId } as never, { $set: { since: new Date() } }, { upsert: true });
  }

  /** Whether tasks wait for this person (read by `_id`, so a registration costs one lookup). */
  async isWaitedFor(participantId: string): Promise<boolean> {
    return (await this.model.db.collection(WAITING_FOR_DIRECTORY).findOne({ _id: participantId } as never)) !== null;
  }

  async stopWaiting(participantId: string): Promise<void> {
    await this.model.db.collection(WAITING_FOR_DIRECTORY).deleteOne({ _id: participantId } as never);
  }
}
