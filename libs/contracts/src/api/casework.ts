import { z } from 'zod/v4';
import {
  CONTACT_TYPES,
  SERVICE_CATEGORIES,
  TASK_AUDIENCES,
  type ContactType,
  type JourneyTaskKind,
  type ServiceCategory,
  type ServiceStatus,
  type TaskAudience,
} from '../journey';
import { officeCodeSchema, programCodeSchema, type ProgramCode } from '../programs';
import type { StaffRoleName } from './access';

// Casework in planning (services, contacts, tasks): API shapes shared by planning, the
// gateway and staff-web. Issue 5 grows this file (plans, case notes, referrals, hours).

/**
 * Who may do what with casework: one table read by the gateway (@Roles on each route) and by
 * planning (which checks again). Need-to-know (DOMAIN.md): only those in a person's service
 * strategy. Intake workers register and screen, and administrators configure: neither
 * works a caseload, so neither reads casework. Job developers and trainers deliver services
 * (placement help, training) and record them; contacts and tasks are the case manager's
 * monitoring, overseen by the supervisor.
 */
export const CaseworkAccess = {
  /** Record a service and change its status (scheduled → in progress → delivered, or cancelled). */
  recordServices: ['case_manager', 'job_developer', 'trainer'],
  /** The person's services (what, when, which program): everyone who delivers or oversees them. */
  readServices: ['case_manager', 'supervisor', 'job_developer', 'trainer'],
  /** Record a case-management contact (the monthly contact). */
  recordContacts: ['case_manager'],
  /** The person's contacts (type, date, a short summary): the case manager and the supervisor. */
  readContacts: ['case_manager', 'supervisor'],
  /** Tasks and reminders the journey opens (plan due, monthly contact, follow-ups...). */
  readTasks: ['case_manager', 'supervisor'],
  /** Mark a task done. */
  completeTasks: ['case_manager', 'supervisor'],
} as const satisfies Record<string, readonly StaffRoleName[]>;

export type CaseworkPermission = keyof typeof CaseworkAccess;

/** Whether any of `roles` carries the casework `permission`. */
export function canCasework(roles: readonly string[], permission: CaseworkPermission): boolean {
  const allowed: readonly string[] = CaseworkAccess[permission];
  return roles.some((r) => allowed.includes(r));
}

const isoDate = z.iso.date('Use a date like 2026-05-31');
const note = z.string().trim().min(1).max(500, 'At most 500 characters: longer notes belong in a case note');

// ---------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------

/** The statuses a service may be recorded with (cancelled is only reached from one of them). */
export const RECORDABLE_SERVICE_STATUSES = ['scheduled', 'in_progress', 'delivered'] as const;
/** The statuses a change may give a service (its own status again: a correction of its dates). */
export const SERVICE_STATUS_CHANGES = ['scheduled', 'in_progress', 'delivered', 'cancelled'] as const;

export const recordServiceSchema = z
  .object({
    program: programCodeSchema,
    category: z.enum(SERVICE_CATEGORIES),
    /** The agency's service name or code, e.g. "Résumé workshop". */
    service: z.string().trim().min(1, 'Name the service').max(120),
    status: z.enum(RECORDABLE_SERVICE_STATUSES),
    /** The service date (or first day). Delivered / in progress: not in the future; scheduled: not in the past. */
    startOn: isoDate,
    /** The last day (expected, while in progress); not before startOn. */
    endOn: isoDate.optional(),
    note: note.optional(),
  })
  .strict();
export type RecordServiceRequest = z.infer<typeof recordServiceSchema>;

/**
 * A status change: scheduled → in_progress | delivered | cancelled; in_progress → delivered |
 * cancelled. `startOn` gives the day a scheduled service really started (when not the day
 * it was scheduled for); `endOn` the last day. The service's own status again corrects its
 * dates (or moves a scheduled one to another day), with `note` saying why. Send the version
 * read as If-Match (or `version`).
 */
export const changeServiceStatusSchema = z
  .object({
    status: z.enum(SERVICE_STATUS_CHANGES),
    startOn: isoDate.optional(),
    endOn: isoDate.optional(),
    note: note.optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type ChangeServiceStatusRequest = z.infer<typeof changeServiceStatusSchema>;

/** One entry of a service's history: every status change, with who and when. Never edited. */
export interface ServiceHistoryEntry {
  version: number;
  status: ServiceStatus;
  startOn: string;
  endOn?: string;
  note?: string;
  by: string;
  at: string;
}

export interface ServiceView {
  id: string;
  participantId: string;
  program: ProgramCode;
  category: ServiceCategory;
  /** Whether this kind of service holds the 90-day exit off (countsTowardExit). */
  countsTowardExit: boolean;
  service: string;
  status: ServiceStatus;
  startOn: string;
  endOn?: string;
  note?: string;
  recordedBy: string;
  recordedAt: string;
  /** Optimistic-concurrency version (also the ETag): send it back as If-Match with PATCH. */
  version: number;
  history: ServiceHistoryEntry[];
}

// ---------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------

export const recordContactSchema = z
  .object({
    contactType: z.enum(CONTACT_TYPES),
    /** The day of the contact; not in the future. */
    contactOn: isoDate,
    program: programCodeSchema.optional(),
    /** A line about the contact; the story belongs in a case note. */
    summary: z.string().trim().min(1).max(280, 'At most 280 characters: the story belongs in a case note').optional(),
  })
  .strict();
export type RecordContactRequest = z.infer<typeof recordContactSchema>;

export interface ContactView {
  id: string;
  participantId: string;
  contactType: ContactType;
  contactOn: string;
  program?: ProgramCode;
  summary?: string;
  recordedBy: string;
  recordedAt: string;
}

// ---------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------

export const TASK_STATUSES = ['open', 'done', 'obsolete'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The "my work" list: at most this many tasks a page. */
export const TASK_PAGE_MAX = 200;

export const taskListQuerySchema = z
  .object({
    audience: z.enum(TASK_AUDIENCES).optional(),
    office: officeCodeSchema.optional(),
    status: z.enum(TASK_STATUSES).default('open'),
    /** Tasks due on or before this day (e.g. today for "my work today"). */
    dueBefore: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(TASK_PAGE_MAX).default(50),
    cursor: z.string().max(300).optional(),
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const completeTaskSchema = z.object({ note: note.optional() }).strict();
export type CompleteTaskRequest = z.infer<typeof completeTaskSchema>;

/** One entry of a task's history: who or what closed it, when. */
export interface TaskHistoryEntry {
  status: TaskStatus;
  /** A staff username, or `journey` when the workflow closed it. */
  by: string;
  at: string;
  note?: string;
}

export interface TaskView {
  id: string;
  participantId: string;
  /** From planning's participant directory, when it knows the person. */
  participantName?: string;
  office?: string;
  kind: JourneyTaskKind;
  title: string;
  dueOn: string;
  audience: TaskAudience;
  program?: string;
  status: TaskStatus;
  openedAt: string;
  history: TaskHistoryEntry[];
}
