import { useState } from 'react';
import {
  canActOnJourney,
  EXIT_REASON_LABELS,
  PERFORMANCE_EXCLUSION_REASONS,
  REOPENABLE_PHASES,
  type JourneyStateView,
  type StaffRole,
} from '@waypoint/contracts';
import { Alert, Button, PhaseBadge, Tag } from '@waypoint/ui';
import { PanelStatus } from '../participants/PanelStatus';
import { formatCalendarDate, formatInstant } from '../participants/participant-format';
import { useReference } from '../reference/ReferenceContext';
import { ConfirmExitForm } from './ConfirmExitForm';
import { DeadlineDate } from './DeadlineDate';
import { AUDIENCE_LABELS, deadlineText, formatDaysSince, localToday } from './journey-format';
import { ReopenCaseForm } from './ReopenCaseForm';
import { useJourney } from './useJourney';

export interface JourneyDetailsProps {
  participantId: string;
  roles: readonly StaffRole[];
  /** Changes whenever the page reads the participant again (Refresh, polls): the journey is read again too. */
  reloadKey: unknown;
  /** After an exit or a reopening, so the rest of the page catches up. */
  onChanged: () => void;
}

/**
 * What the journey holds beyond its phase: days since the last service, the coming
 * deadlines, open tasks, the exit (proposed or confirmed) and the phases so far; and, for
 * case managers and supervisors, the exit confirmation and the reopening.
 */
export function JourneyDetails({ participantId, roles, reloadKey, onChanged }: JourneyDetailsProps) {
  const { resource, journey, replace } = useJourney(participantId, reloadKey);
  const [done, setDone] = useState<string | null>(null);
  if (resource.status === 'forbidden' || resource.status === 'skipped') return null;
  if (resource.status !== 'ready' && !journey) return <PanelStatus state={resource} what="journey" />;
  if (!journey) return <p className="muted">The journey has not started yet; its deadlines show here once it has.</p>;

  const changed = (next: JourneyStateView, message: string) => {
    replace(next);
    setDone(message);
    onChanged();
  };
  return (
    <JourneyView
      journey={journey}
      canAct={canActOnJourney(roles)}
      done={done}
      onConfirmed={(next) => changed(next, `Exit confirmed. ${next.exit ? `Follow-up runs until ${formatCalendarDate(next.exit.followUpEndsOn)}.` : ''}`.trim())}
      onReopened={(next) => changed(next, 'Case reopened: back to services.')}
    />
  );
}

interface JourneyViewProps {
  journey: JourneyStateView;
  canAct: boolean;
  done: string | null;
  onConfirmed: (journey: JourneyStateView) => void;
  onReopened: (journey: JourneyStateView) => void;
}

function JourneyView({ journey: j, canAct, done, onConfirmed, onReopened }: JourneyViewProps) {
  const reference = useReference();
  const today = localToday();
  const exitPending = j.exitProposal !== null && j.exit === null;
  const reopenable = j.phase !== null && REOPENABLE_PHASES.includes(j.phase);
  const mayExitEarly = canAct && !exitPending && j.exit === null && j.phase !== null && !REOPENABLE_PHASES.includes(j.phase) && j.phase !== 'closed';
  const [earlyExit, setEarlyExit] = useState(false);

  return (
    <div className="journey" data-testid="journey-details">
      {done && <Alert tone="success">{done}</Alert>}
      <dl className="details">
        <div>
          <dt>Days since last service</dt>
          <dd data-testid="journey-days-since">
            {formatDaysSince(j.daysSinceLastService)}
            {j.lastServiceOn && (
              <span className="muted">
                {' '}
                (last service <time dateTime={j.lastServiceOn}>{formatCalendarDate(j.lastServiceOn)}</time>)
              </span>
            )}
          </dd>
        </div>
        {j.lastContactOn && (
          <div>
            <dt>Last contact</dt>
            <dd>
              <time dateTime={j.lastContactOn}>{formatCalendarDate(j.lastContactOn)}</time>
            </dd>
          </div>
        )}
      </dl>

      {exitPending && j.exitProposal && (
        <section aria-labelledby="exit-proposed-heading" className="journey__section">
          <h3 id="exit-proposed-heading">
            Exit proposed <Tag tone="warning">Waiting for staff</Tag>
          </h3>
          <p>
            No participant-level service since <time dateTime={j.exitProposal.lastServiceOn}>{formatCalendarDate(j.exitProposal.lastServiceOn)}</time>
            {j.exitProposal.programs.length > 0 && <> in {j.exitProposal.programs.map(reference.programLabel).join(', ')}</>}. Confirm the exit, or record a
            scheduled service to keep the case open.
          </p>
          {canAct ? (
            <ConfirmExitForm participantId={j.participantId} proposal={j.exitProposal} onConfirmed={onConfirmed} />
          ) : (
            <p className="muted">A case manager or supervisor confirms the exit.</p>
          )}
        </section>
      )}

      {j.exit && (
        <section aria-labelledby="exit-heading" className="journey__section">
          <h3 id="exit-heading">Exit</h3>
          <dl className="details">
            <div>
              <dt>Exit date</dt>
              <dd>
                <time dateTime={j.exit.exitOn}>{formatCalendarDate(j.exit.exitOn)}</time>
              </dd>
            </div>
            <div>
              <dt>Reason</dt>
              <dd>
                {EXIT_REASON_LABELS[j.exit.reason] ?? j.exit.reason}
                {j.exit.note && <span className="muted"> ({j.exit.note})</span>}
              </dd>
            </div>
            <div>
              <dt>Confirmed</dt>
              <dd>
                by {j.exit.confirmedBy} on <time dateTime={j.exit.confirmedAt}>{formatInstant(j.exit.confirmedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>Follow-up</dt>
              <dd>
                <time dateTime={j.exit.followUpFrom}>{formatCalendarDate(j.exit.followUpFrom)}</time> to{' '}
                <time dateTime={j.exit.followUpEndsOn}>{formatCalendarDate(j.exit.followUpEndsOn)}</time>
              </dd>
            </div>
          </dl>
        </section>
      )}
      {reopenable && canAct && <ReopenCaseForm participantId={j.participantId} onReopened={onReopened} />}
      {mayExitEarly && (
        <div className="journey__section">
          <Button aria-expanded={earlyExit} aria-controls={earlyExit ? 'early-exit' : undefined} onClick={() => setEarlyExit((open) => !open)}>
            {earlyExit ? 'Cancel early exit' : 'Record an early exit…'}
          </Button>
          {earlyExit && (
            <div id="early-exit">
              <ConfirmExitForm
                participantId={j.participantId}
                reasons={PERFORMANCE_EXCLUSION_REASONS}
                title="Early exit (performance exclusion)"
                onConfirmed={(next) => {
                  setEarlyExit(false);
                  onConfirmed(next);
                }}
              />
            </div>
          )}
        </div>
      )}

      <section aria-labelledby="deadlines-heading" className="journey__section">
        <h3 id="deadlines-heading">Next deadlines</h3>
        {j.deadlines.length === 0 ? (
          <p className="muted">No deadlines.</p>
        ) : (
          <ul className="plain-list journey__list">
            {j.deadlines.map((d) => (
              <li key={`${d.kind}-${d.dueOn}-${d.program ?? ''}`}>
                {deadlineText(d, reference.programLabel)}: <DeadlineDate dueOn={d.dueOn} today={today} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tasks-heading" className="journey__section">
        <h3 id="tasks-heading">Open tasks</h3>
        {j.openTasks.length === 0 ? (
          <p className="muted">No open tasks.</p>
        ) : (
          <ul className="plain-list journey__list">
            {j.openTasks.map((t) => (
              <li key={t.taskId} data-task-id={t.taskId}>
                {t.title} <span className="muted">({AUDIENCE_LABELS[t.audience] ?? t.audience})</span>: due <DeadlineDate dueOn={t.dueOn} today={today} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-heading" className="journey__section">
        <h3 id="history-heading">History</h3>
        {j.history.length === 0 ? (
          <p className="muted">No phases yet.</p>
        ) : (
          <ol className="timeline" aria-label="Journey phases, oldest first">
            {j.history.map((h) => (
              <li key={h.sequence} className="timeline__item">
                <PhaseBadge phase={h.phase} /> <time dateTime={h.at}>{formatInstant(h.at)}</time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
