import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { JourneyTaskClosedV1, JourneyTaskOpenedV1, Page, TaskListQuery, TaskView } from '@waypoint/contracts';
import { validationError } from '@waypoint/platform';
import type { DirectoryEntryDocument } from '../directory/directory-entry.schema';
import { ParticipantDirectory } from '../directory/participant-directory';
import type { Actor } from '../shared/actor';
import { decodeKeysetCursor, encodeKeysetCursor } from '../shared/keyset-cursor';
import type { OpenedTaskDocument, TaskDocument } from './task.schema';
import { TasksRepository, type TaskParticipant } from './tasks.repository';

/** Who closes a task when the journey does. */
export const JOURNEY_ACTOR = 'journey';

const shownParticipant = (entry: DirectoryEntryDocument): TaskParticipant => ({
  participantName: `${entry.firstName} ${entry.lastName}`,
  office: entry.office,
});

/**
 * Tasks the journey opens and closes, and staff complete. Applying the journey's events is
 * idempotent: a repeated open or close changes nothing, and a close that arrives before its
 * open is kept and applied when the open arrives.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly repo: TasksRepository,
    private readonly directory: ParticipantDirectory,
  ) {}

  async applyOpened(e: JourneyTaskOpenedV1): Promise<void> {
    const entry = await this.directory.find(e.participantId);
    // Marked before the task is written, so the registration either sees the mark or has
    // already been applied when the task is re-read below: the task gets the name either way.
    if (!entry) await this.repo.waitForDirectory(e.participantId);
    const what = {
      kind: e.kind,
      title: e.title,
      dueOn: e.dueOn,
      audience: e.audience,
      ...(e.program ? { program: e.program } : {}),
      openedAt: new Date(e.openedAt),
      ...(entry ? shownParticipant(entry) : {}),
    };
    await this.repo.inLock(e.taskId, async () => {
      const existing = await this.repo.findById(e.taskId);
      if (!existing) {
        await this.repo.insert({ _id: e.taskId, participantId: e.participantId, ...what, status: 'open', history: [] });
      } else if (existing.awaitingOpen) {
        // Its close came first: the task is what the open says, and stays closed.
        await this.repo.update(e.taskId, what, [], ['awaitingOpen']);
      }
    });
    if (!entry) {
      const late = await this.directory.find(e.participantId);
      if (late) await this.repo.inLock(e.taskId, () => this.repo.update(e.taskId, shownParticipant(late)));
    }
  }

  async applyClosed(e: JourneyTaskClosedV1): Promise<void> {
    const entry = { status: e.resolution, by: JOURNEY_ACTOR, at: new Date(e.closedAt) };
    await this.repo.inLock(e.taskId, async () => {
      const existing = await this.repo.findById(e.taskId);
      if (!existing) {
        await this.repo.insert({ _id: e.taskId, participantId: e.participantId, status: e.resolution, awaitingOpen: true, history: [entry] });
      } else if (existing.status === 'open') {
        await this.repo.update(e.taskId, { status: e.resolution }, [entry]);
      } else if (!existing.history.some((h) => h.by === JOURNEY_ACTOR)) {
        // Staff completed it first: it stays done, and the history shows the journey closed it too.
        await this.repo.update(e.taskId, {}, [entry]);
      }
    });
  }

  /** Staff mark an open task done: 404 for a task planning does not have, 409 for one already closed. */
  async complete(taskId: string, note: string | undefined, actor: Actor): Promise<TaskView> {
    const entry = { status: 'done' as const, by: actor.username, at: new Date(), ...(note ? { note } : {}) };
    const done = await this.repo.inLock(taskId, async () => {
      const task = await this.repo.findById(taskId);
      if (!task || task.awaitingOpen) throw new NotFoundException(`No task ${taskId}`);
      if (task.status !== 'open') throw alreadyClosed(task);
      await this.repo.update(taskId, { status: 'done' }, [entry]);
      return { ...task, status: 'done' as const, history: [...task.history, entry] };
    });
    return toTaskView(done as OpenedTaskDocument);
  }

  /** The participant's tasks: open ones first, each group soonest due first. */
  async forParticipant(participantId: string): Promise<TaskView[]> {
    await this.directory.require(participantId);
    const tasks = await this.repo.forParticipant(participantId);
    return [...tasks.filter((t) => t.status === 'open'), ...tasks.filter((t) => t.status !== 'open')].map(toTaskView);
  }

  /** The "my work" list: keyset pages by (dueOn, taskId). */
  async page(q: TaskListQuery): Promise<Page<TaskView>> {
    let after: [string, string] | undefined;
    if (q.cursor !== undefined) {
      after = decodeKeysetCursor(q.cursor) ?? undefined;
      if (!after) throw validationError([{ field: 'cursor', message: 'Cursor is not one this service issued' }]);
    }
    const docs = await this.repo.page({ status: q.status, audience: q.audience, office: q.office, dueBefore: q.dueBefore, after, limit: q.limit });
    const items = docs.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items: items.map(toTaskView), nextCursor: docs.length > q.limit && last ? encodeKeysetCursor(last.dueOn, last._id) : null };
  }

  /** The directory learned (or corrected) who this person is: their tasks show it. */
  async participantChanged(participantId: string, registration: boolean): Promise<void> {
    if (registration && !(await this.repo.isWaitedFor(participantId))) return;
    const entry = await this.directory.find(participantId);
    if (!entry) return;
    await this.repo.setParticipant(participantId, shownParticipant(entry));
    if (registration) await this.repo.stopWaiting(participantId);
  }
}

function alreadyClosed(task: TaskDocument): ConflictException {
  const last = task.history[task.history.length - 1];
  const who = last?.by === JOURNEY_ACTOR ? 'the journey' : last?.by ?? 'someone';
  const when = last ? ` on ${new Date(last.at).toISOString()}` : '';
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    code: 'task-closed',
    message: `This task is already closed (${task.status}) by ${who}${when}; nothing was changed.`,
    status: task.status,
  });
}

export function toTaskView(doc: OpenedTaskDocument): TaskView {
  return {
    id: doc._id,
    participantId: doc.participantId,
    ...(doc.participantName ? { participantName: doc.participantName } : {}),
    ...(doc.office ? { office: doc.office } : {}),
    kind: doc.kind,
    title: doc.title,
    dueOn: doc.dueOn,
    audience: doc.audience,
    ...(doc.program ? { program: doc.program } : {}),
    status: doc.status,
    openedAt: new Date(doc.openedAt).toISOString(),
    history: doc.history.map((h) => ({ status: h.status, by: h.by, at: new Date(h.at).toISOString(), ...(h.note ? { note: h.note } : {}) })),
  };
}
