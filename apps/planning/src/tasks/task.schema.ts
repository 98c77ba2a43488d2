import { Schema } from 'mongoose';
import type { JourneyTaskKind, TaskAudience, TaskHistoryEntry, TaskStatus } from '@waypoint/contracts';

export const TASK_MODEL = 'Task';

export type StoredTaskHistoryEntry = Omit<TaskHistoryEntry, 'at'> & { at: Date };

/**
 * A task or reminder for staff, opened by the journey (`_id` is the journey's taskId, so a
 * repeated open changes nothing). The participant's name and office are copied from the
 * participant directory (kept current when intake corrects them) so the "my work" list
 * filters and shows them without a second read per row.
 *
 * A close that arrives before its open (the journey publishes both, the open's delivery may
 * lag) leaves a placeholder: `awaitingOpen` with the closed status and its history entry;
 * the open then fills in what the task is and keeps the closure. Lists leave placeholders out.
 */
export interface TaskDocument {
  _id: string;
  participantId: string;
  participantName?: string;
  office?: string;
  kind?: JourneyTaskKind;
  title?: string;
  dueOn?: string;
  audience?: TaskAudience;
  program?: string;
  openedAt?: Date;
  status: TaskStatus;
  awaitingOpen?: boolean;
  history: StoredTaskHistoryEntry[];
}

/** A task whose open has arrived: what lists return. */
export type OpenedTaskDocument = Required<Pick<TaskDocument, 'kind' | 'title' | 'dueOn' | 'audience' | 'openedAt'>> & TaskDocument;

export const taskSchema = new Schema<TaskDocument>(
  {
    _id: { type: String, required: true },
    participantId: { type: String, required: true },
    participantName: String,
    office: String,
    kind: String,
    title: String,
    dueOn: String,
    audience: String,
    program: String,
    openedAt: Date,
    status: { type: String, required: true },
    awaitingOpen: Boolean,
    history: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'tasks', versionKey: false, minimize: true },
);

// The "my work" list pages by (dueOn, _id) within a status, audience and office (MongoDB uses
// these; FerretDB 1.x reads the collection). A person's tasks are found through their case file.
taskSchema.index({ status: 1, audience: 1, office: 1, dueOn: 1, _id: 1 });
taskSchema.index({ status: 1, dueOn: 1, _id: 1 });
