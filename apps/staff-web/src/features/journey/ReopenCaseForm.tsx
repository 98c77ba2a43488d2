import { FormEvent, useRef, useState } from 'react';
import type { JourneyStateView } from '@waypoint/contracts';
import { Alert, Button, TextAreaField } from '@waypoint/ui';
import { ApiError, ApiValidationError, isAbortError, newSubmissionKey, SessionExpiredError, useApi } from '../../api';

export interface ReopenCaseFormProps {
  participantId: string;
  onReopened: (journey: JourneyStateView) => void;
}

/** Reopens an exited case (back to services, the exit clock restarts), behind a button so it is never one click away. */
export function ReopenCaseForm({ participantId, onReopened }: ReopenCaseFormProps) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef(newSubmissionKey());
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!reason.trim()) {
      setError('Say why the case reopens');
      reasonRef.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const journey = await api.reopenJourney(participantId, { reason: reason.trim() }, keyRef.current);
      keyRef.current = newSubmissionKey();
      setOpen(false);
      setReason('');
      onReopened(journey);
    } catch (err) {
      if (isAbortError(err) || err instanceof SessionExpiredError) return;
      if (err instanceof ApiValidationError) {
        keyRef.current = newSubmissionKey();
        setError(err.fieldErrors.reason ?? err.message);
        reasonRef.current?.focus();
      } else if (err instanceof ApiError && err.status === 403) {
        setFailure('Your role does not allow reopening cases. Ask a case manager or a supervisor.');
      } else {
        setFailure(err instanceof ApiError ? err.message : 'The case could not be reopened. Try again.');
      }
    } finally {
      setBusy(false);
    }
  }

  const show = () => {
    setOpen(true);
    window.requestAnimationFrame(() => reasonRef.current?.focus());
  };
  const cancel = () => {
    setOpen(false);
    setError(undefined);
    setFailure(null);
    // Back to the button that opened the form.
    window.requestAnimationFrame(() => wrapRef.current?.querySelector('button')?.focus());
  };

  return <div ref={wrapRef}>{open ? form() : <Button onClick={show}>Reopen case…</Button>}</div>;

  function form() {
    return (
    <form className="form journey-form" aria-labelledby="reopen-heading" onSubmit={submit} noValidate>
      <h4 id="reopen-heading">Reopen the case</h4>
      <p>The person returns to services and the 90-day exit clock starts again.</p>
      {failure && (
        <Alert tone="error" title="The case was not reopened">
          {failure}
        </Alert>
      )}
      <TextAreaField id="reopen-reason" label="Why does the case reopen?" ref={reasonRef} value={reason} onValueChange={setReason} error={error} maxLength={500} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={busy}>
          Reopen case
        </Button>
        <Button variant="quiet" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </form>
    );
  }
}
