import { useCallback } from 'react';
import { ELIGIBILITY_STATUS_LABELS, type EligibilityReasonView, type EligibilityStatusName, type ProgramEligibilityView } from '@waypoint/contracts';
import { Tag, type TagTone } from '@waypoint/ui';
import { useApi } from '../../api';
import { PanelStatus } from './PanelStatus';
import { formatInstant, formatInstantDate } from './participant-format';
import { useParticipantResource } from './useParticipantResource';

const STATUS_TONE: Record<EligibilityStatusName, TagTone> = { eligible: 'success', not_eligible: 'error', undetermined: 'warning' };

const OUTCOME: Record<EligibilityReasonView['outcome'], string> = {
  passed: 'Met',
  failed: 'Not met',
  missing: 'Unknown',
};

export interface EligibilityPanelProps {
  participantId: string;
  /** Whether the role may read eligibility (IntakeAccess.readEligibility); if not, the panel is not asked for. */
  allowed: boolean;
}

/**
 * The latest eligibility determination, every program with its reasons and the document
 * that would resolve a missing fact. Hidden for roles that may not read it (a 403 too).
 */
export function EligibilityPanel({ participantId, allowed }: EligibilityPanelProps) {
  const api = useApi();
  const load = useCallback((signal: AbortSignal) => api.listEligibility(participantId, signal), [api, participantId]);
  const state = useParticipantResource(load, allowed);
  if (state.status === 'forbidden' || state.status === 'skipped') return null;
  const latest = state.data?.[0] ?? null;

  return (
    <section className="panel panel--wide" aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">Eligibility</h2>
      <PanelStatus state={state} what="eligibility" />
      {state.status === 'ready' && !latest && <p className="muted">No eligibility determination yet.</p>}
      {latest && (
        <>
          <p className="muted">
            Latest determination: <time dateTime={latest.determinedAt}>{formatInstant(latest.determinedAt)}</time> by{' '}
            {latest.determinedBy}
          </p>
          <ul className="programs-eligibility">
            {latest.results.map((result) => (
              <ProgramEligibility key={result.program} result={result} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProgramEligibility({ result }: { result: ProgramEligibilityView }) {
  const headingId = `eligibility-${result.program}`;
  const expired = new Date(result.expiresAt).getTime() < Date.now();
  return (
    <li className="program-eligibility">
      <div className="program-eligibility__head">
        <h3 id={headingId}>{result.label}</h3>
        <Tag tone={STATUS_TONE[result.status]} testId={`eligibility-status-${result.program}`}>
          {ELIGIBILITY_STATUS_LABELS[result.status] ?? result.status}
        </Tag>
        <span className="muted">
          {expired ? 'Expired' : 'Valid until'} <time dateTime={result.expiresAt}>{formatInstantDate(result.expiresAt)}</time>
        </span>
        {expired && <Tag tone="warning">Redo the determination</Tag>}
      </div>
      <ReasonList reasons={result.reasons} label={`Reasons for ${result.label}`} />
    </li>
  );
}

function ReasonList({ reasons, label }: { reasons: readonly EligibilityReasonView[]; label: string }) {
  return (
    <ul className="reasons" aria-label={label}>
      {reasons.map((r, i) => (
        <li key={`${r.ruleId}-${i}`} className={`reason reason--${r.outcome}`}>
          <span className="reason__outcome">{OUTCOME[r.outcome]}:</span> {r.message}
          {r.outcome === 'missing' && r.document && (
            <span className="reason__document"> Would be resolved by: {r.document}.</span>
          )}
          {r.branches && r.branches.length > 0 && (
            <>
              <span className="muted"> Any one of:</span>
              <ReasonList reasons={r.branches} label={`Alternatives for ${r.message}`} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
