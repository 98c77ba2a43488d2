import { FormEvent, useRef, useState } from 'react';
import { EXIT_REASON_LABELS, EXIT_REASONS, type JourneyExitProposalView, type JourneyStateView } from '@waypoint/contracts';
import { Alert, Button, SelectField, TextAreaField } from '@waypoint/ui';
import { ApiError, ApiValidationError, isAbortError, newSubmissionKey, SessionExpiredError, useApi } from '../../api';
import { formatCalendarDate } from '../participants/participant-format';

const REASON_OPTIONS = EXIT_REASONS.map((value) => ({ value, label: EXIT_REASON_LABELS[value] }));

export interface ConfirmExitFormProps {
  participantId: string;
  proposal: JourneyExitProposalView;
  onConfirmed: (journey: JourneyStateView) => void;
}

/**
 * Confirms the exit the 90-day rule proposed (exit date: the last service date). The
 * journey may still turn it down (422): its reason shows on the field it names.
 */
export function ConfirmExitForm({ participantId, proposal, onConfirmed }: ConfirmExitFormProps) {
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
      const body = { reason: reason as (typeof EXIT_REASONS)[number], ...(note.trim() ? { note: note.trim() } : {}) };
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
    <form className="form journey-form" aria-labelledby="confirm-exit-heading" onSubmit={submit} noValidate>
      <h4 id="confirm-exit-heading">Confirm the exit</h4>
      <p>
        Exit date: <time dateTime={proposal.exitOn}>{formatCalendarDate(proposal.exitOn)}</time> (the last service date). Every open
        enrollment exits on that date and follow-up starts.
      </p>
      {failure && (
        <div tabIndex={-1} ref={failureRef}>
          <Alert tone="error" title="The exit was not confirmed">
            {failure}
          </Alert>
        </div>
      )}
      <SelectField
        id="exit-reason"
        label="Reason for exit"
        ref={reasonRef}
        value={reason}
        options={REASON_OPTIONS}
        placeholder="Choose a reason"
        onValueChange={setReason}
        error={errors.reason}
      />
      <TextAreaField id="exit-note" label="Note" optional value={note} onValueChange={setNote} error={errors.note} maxLength={500} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>
          Confirm exit
        </Button>
      </div>
    </form>
  );
}
