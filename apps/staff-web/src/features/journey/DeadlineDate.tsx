import { isOverdue } from '@waypoint/contracts';
import { Tag } from '@waypoint/ui';
import { formatCalendarDate } from '../participants/participant-format';

/** A due date, marked "Overdue" (in words, not only colour) once its day has passed. */
export function DeadlineDate({ dueOn, today, testId }: { dueOn: string; today: string; testId?: string }) {
  return (
    <>
      <time dateTime={dueOn}>{formatCalendarDate(dueOn)}</time>
      {isOverdue(dueOn, today) && (
        <>
          {' '}
          <Tag tone="error" testId={testId}>
            Overdue
          </Tag>
        </>
      )}
    </>
  );
}
