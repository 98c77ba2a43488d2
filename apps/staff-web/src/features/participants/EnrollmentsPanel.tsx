import { useCallback } from 'react';
import { EXIT_REASON_LABELS, type EnrollmentView } from '@waypoint/contracts';
import { Tag } from '@waypoint/ui';
import { useApi } from '../../api';
import { PanelStatus } from './PanelStatus';
import { formatCalendarDate } from './participant-format';
import { useParticipantResource } from './useParticipantResource';

/** The programs the person is (or was) enrolled in: read-only. */
export function EnrollmentsPanel({ participantId }: { participantId: string }) {
  const api = useApi();
  const load = useCallback((signal: AbortSignal) => api.listEnrollments(participantId, signal), [api, participantId]);
  const state = useParticipantResource(load);
  if (state.status === 'forbidden' || state.status === 'skipped') return null;
  const enrollments = state.data ?? [];

  return (
    <section className="panel panel--wide" aria-labelledby="enrollments-heading">
      <h2 id="enrollments-heading">Enrollments</h2>
      <PanelStatus state={state} what="enrollments" />
      {state.status === 'ready' &&
        (enrollments.length === 0 ? (
          <p className="muted">Not enrolled in any program yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" aria-labelledby="enrollments-heading">
              <thead>
                <tr>
                  <th scope="col">Program</th>
                  <th scope="col">Enrolled on</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {enrollments.map((e) => (
                  <tr key={e.id} data-enrollment-id={e.id}>
                    <th scope="row" className="data-table__name">
                      {e.label}
                    </th>
                    <td>
                      <time dateTime={e.enrolledOn}>{formatCalendarDate(e.enrolledOn)}</time>
                    </td>
                    <td>
                      <EnrollmentStatus enrollment={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

function EnrollmentStatus({ enrollment: e }: { enrollment: EnrollmentView }) {
  if (e.status === 'open' || !e.exit) return <Tag tone="success">Open</Tag>;
  return (
    <>
      <Tag>Exited</Tag>{' '}
      <span>
        on <time dateTime={e.exit.exitedOn}>{formatCalendarDate(e.exit.exitedOn)}</time> ({EXIT_REASON_LABELS[e.exit.reason] ?? e.exit.reason})
      </span>
    </>
  );
}
