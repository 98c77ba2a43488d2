import type { JourneyDeadline, TaskAudience } from '@waypoint/contracts';

/** Today as a calendar date in the user's own time zone (YYYY-MM-DD): the day staff work in. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `12` → "12 days", `1` → "1 day", `0` → "Today"; null: no participant-level service yet. */
export function formatDaysSince(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'No service yet';
  if (days === 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}

export const AUDIENCE_LABELS: Record<TaskAudience, string> = {
  case_manager: 'Case manager',
  supervisor: 'Supervisor (escalated)',
};

/** "Plan due" or "Plan due (WIOA Adult)". */
export function deadlineText(d: JourneyDeadline, programLabel: (code: string) => string): string {
  return d.program ? `${d.label} (${programLabel(d.program)})` : d.label;
}
