import { FormEvent, useRef, useState } from 'react';
import { EXIT_REASON_LABELS, EXIT_REASONS, type ExitReason, type JourneyExitProposalView, type JourneyStateView } from '@waypoint/contracts';
import { Alert, Button, SelectField, TextAreaField } from '@waypoint/ui';
import { ApiError, ApiValidationError, isAbortError, newSubmissionKey, SessionExpiredError, useApi } from '../../api';
import { formatCalendarDate } from '../participants/participant-format';

export interface ConfirmExitFormProps {
  participantId: string;
  /** The exit the 90-day rule proposed; absent: an early exit for a performance exclusion. */
  proposal?: JourneyExitProposalView;
  /** Reasons offered (default: every exit reason). */
  reasons?: readonly ExitReason[];
  /** The form's heading (its accessible name). */
  title?: string;
  onConfirmed: (journey: JourneyStateView) => void;
}

/**
 * Confirms the exit the 90-day rule proposed (exit date: the last service date), or an early
 * exit for a performance exclusion. The journey may still turn it down (422): its reason
 * shows on the field it names.
 */
export function ConfirmExitForm({ participantId, proposal, reasons = EXIT_REASONS, title = 'Confirm the exit', onConfirmed }: ConfirmExitFormProps) {
  const headingId = proposal ? 'confirm-exit-heading' : 'early-exit-heading';
  const reasonOptions = reasons.map((value) => ({ value, label: EXIT_REASON_LABELS[value] }));
  const api = useApi();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef(newSubmissionKey());
  const reasonRef = useRef<HTMLSelectElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!reason) {
      setErrors({ reason: 'Choose the reason for the exit' });
      reasonRef.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { reason: reason as ExitReason, ...(note.trim() ? { note: note.trim() } : {}) };
      const journey = await api.confirmExit(participantId, body, keyRef.current);
      keyRef.current = newSubmissionKey();
      onConfirmed(journey);
    } catch (error) {
      if (isAbortError(error) || error instanceof SessionExpiredError) return;
      if (error instanceof ApiValidationError) {
        // Nothing was changed: the next attempt is a new submission.
        keyRef.current = newSubmissionKey();
        const fields = { ...error.fieldErrors };
        if (fields.reason || fields.note) {
          setErrors(fields);
          if (fields.reason) reasonRef.current?.focus();
        } else {
          setFailure(error.message);
          window.requestAnimationFrame(() => failureRef.current?.focus());
        }
      } else if (error instanceof ApiError && error.status === 403) {
        setFailure('Your role does not allow confirming exits. Ask a case manager or a supervisor.');
      } else {
        setFailure(error instanceof ApiError ? error.message : 'The exit could not be confirmed. Try again.');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form journey-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h4 id={headingId}>{title}</h4>
      <p>
        {proposal ? (
          <>
            Exit date: <time dateTime={proposal.exitOn}>{formatCalendarDate(proposal.exitOn)}</time> (the last service date).
          </>
        ) : (
          <>Exit date: the last service date (today if there was none). Only a performance exclusion exits before the 90 days.</>
        )}{' '}
        Every open enrollment exits on that date and follow-up starts.
      </p>
      {failure && (
        <div tabIndex={-1} ref={failureRef}>
          <Alert tone="error" title="The exit was not confirmed">
            {failure}
          </Alert>
        </div>
      )}
      <SelectField
        id={`${headingId}-reason`}
        label="Reason for exit"
        ref={reasonRef}
        value={reason}
        options={reasonOptions}
        placeholder="Choose a reason"
        onValueChange={setReason}
        error={errors.reason}
      />
      <TextAreaField id={`${headingId}-note`} label="Note" optional value={note} onValueChange={setNote} error={errors.note} maxLength={500} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>
          Confirm exit
        </Button>
      </div>
    </form>
  );
}
