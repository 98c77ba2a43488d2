import { useCallback } from 'react';
import {
  ASSESSMENT_KINDS,
  type AssessmentKind,
  type AssessmentLatest,
  type BarriersResult,
  type EducationLevel,
  type ServiceUrgency,
} from '@waypoint/contracts';
import { Alert, Tag } from '@waypoint/ui';
import { useApi } from '../../api';
import { PanelStatus } from './PanelStatus';
import { formatCalendarDate, formatInstantDate } from './participant-format';
import { useParticipantResource } from './useParticipantResource';

const KIND_LABELS: Record<AssessmentKind, string> = {
  'intake-questionnaire': 'Intake questionnaire',
  barriers: 'Barriers and needs',
  'interest-profile': 'Interest profile',
  'job-readiness': 'Job readiness',
};

const EDUCATION_TEXT: Record<EducationLevel, string> = {
  none: 'no formal schooling',
  some_high_school: 'some high school',
  high_school_diploma: 'high school diploma',
  hse_equivalency: 'high school equivalency',
  some_college: 'some college',
  postsecondary_certificate: 'postsecondary certificate',
  associate: "associate's degree",
  bachelor: "bachelor's degree",
  master: "master's degree",
  doctorate: 'doctorate',
};

const URGENCY_TEXT: Record<ServiceUrgency, string> = { same_day: 'same day', soon: 'soon', routine: 'routine' };

/** Today as YYYY-MM-DD in the worker's time zone (reassessment dates are calendar dates). */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The latest assessment of each kind the role may see, with its reassessment date (overdue
 * ones stand out), and for barriers the suggested supportive services as prompts.
 */
export function AssessmentsPanel({ participantId }: { participantId: string }) {
  const api = useApi();
  const load = useCallback((signal: AbortSignal) => api.assessmentOverview(participantId, signal), [api, participantId]);
  const state = useParticipantResource(load);
  if (state.status === 'forbidden' || state.status === 'skipped') return null;
  // Kinds absent from the answer are not for this role (barriers without readBarriers).
  const kinds = ASSESSMENT_KINDS.filter((k) => state.data && k in state.data.kinds);
  const barriers = state.data?.kinds.barriers ?? null;

  return (
    <section className="panel panel--wide" aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Assessments</h2>
      <PanelStatus state={state} what="assessments" />
      {state.status === 'ready' && state.data && (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby="assessments-heading">
            <thead>
              <tr>
                <th scope="col">Assessment</th>
                <th scope="col">Completed</th>
                <th scope="col">Reassessment due</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((kind) => (
                <AssessmentRow key={kind} kind={kind} latest={state.data?.kinds[kind] ?? null} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {barriers && (barriers.summary.needCount ?? 1) > 0 && (
        <SuggestedServices participantId={participantId} number={barriers.number} />
      )}
    </section>
  );
}

function AssessmentRow({ kind, latest }: { kind: AssessmentKind; latest: AssessmentLatest | null }) {
  if (!latest) {
    return (
      <tr data-assessment-kind={kind}>
        <th scope="row" className="data-table__name">
          {KIND_LABELS[kind]}
        </th>
        <td colSpan={3} className="muted">
          Not done yet
        </td>
      </tr>
    );
  }
  const overdue = latest.due && latest.reassessmentDueOn < localToday();
  return (
    <tr data-assessment-kind={kind} className={latest.due ? 'data-table__row--due' : undefined}>
      <th scope="row" className="data-table__name">
        {KIND_LABELS[kind]} <span className="muted">(no. {latest.number})</span>
      </th>
      <td>
        <time dateTime={latest.completedAt}>{formatInstantDate(latest.completedAt)}</time>
      </td>
      <td>
        <time dateTime={latest.reassessmentDueOn}>{formatCalendarDate(latest.reassessmentDueOn)}</time>
        {latest.due && (
          <>
            {' '}
            <Tag tone={overdue ? 'error' : 'warning'} testId={`assessment-due-${kind}`}>
              {overdue ? 'Overdue' : 'Due today'}
            </Tag>
          </>
        )}
      </td>
      <td>{summaryText(kind, latest)}</td>
    </tr>
  );
}

function summaryText(kind: AssessmentKind, { summary: s }: AssessmentLatest): string {
  const parts: string[] = [];
  if (kind === 'intake-questionnaire' && s.highestEducation) parts.push(`Education: ${EDUCATION_TEXT[s.highestEducation] ?? s.highestEducation}`);
  if (kind === 'barriers' && s.needCount !== undefined) {
    parts.push(s.needCount === 0 ? 'No needs identified' : `${s.needCount} need${s.needCount === 1 ? '' : 's'}${s.worstSeverity ? `, worst: ${s.worstSeverity}` : ''}`);
  }
  if (kind === 'interest-profile') {
    if (s.hollandCode) parts.push(`Interests: ${s.hollandCode}`);
    if (s.jobZone !== undefined) parts.push(`job zone ${s.jobZone}`);
  }
  if (kind === 'job-readiness') {
    if (s.staffAverage !== undefined) parts.push(`Staff rating ${s.staffAverage.toFixed(1)} of 4`);
    if (s.selfAverage !== undefined) parts.push(`self rating ${s.selfAverage.toFixed(1)} of 4`);
  }
  return parts.join(', ') || '—';
}

/** The needs of the latest barriers assessment, each with the supportive service to consider. */
function SuggestedServices({ participantId, number }: { participantId: string; number: number }) {
  const api = useApi();
  const load = useCallback(
    (signal: AbortSignal) => api.getAssessment(participantId, 'barriers', number, signal),
    [api, participantId, number],
  );
  const state = useParticipantResource(load);
  if (state.status === 'forbidden' || state.status === 'skipped') return null;
  const record = state.data;
  const needs = record && record.kind === 'barriers' ? (record.result as BarriersResult).needs : [];

  return (
    <div className="suggested-services">
      <h3 id="suggested-services-heading">Suggested supportive services</h3>
      <PanelStatus state={state} what="suggested services" />
      {state.status === 'ready' && needs.length === 0 && <p className="muted">No needs in the latest barriers assessment.</p>}
      {needs.length > 0 && (
        <Alert tone="info" title="Consider offering">
          <ul className="suggested-services__list" aria-labelledby="suggested-services-heading">
            {needs.map((need) => (
              <li key={need.area} data-need-area={need.area}>
                <strong>{need.suggestedService.label}</strong> for {need.area.replace(/_/g, ' ')} (severity {need.severity};{' '}
                {URGENCY_TEXT[need.suggestedService.urgency]})
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
