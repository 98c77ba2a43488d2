import { FormEvent, RefObject, useEffect, useRef, useState } from 'react';
import type { DuplicateConflictBody, DuplicateReviewRequest, ParticipantDetail, StaffUserView } from '@waypoint/contracts';
import { Alert, Button, CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '@waypoint/ui';
import { ApiError, ApiValidationError, isAbortError, newSubmissionKey, SessionExpiredError, useApi } from '../../api';
import { hrefs } from '../../app/routes';
import { useReference } from '../reference/ReferenceContext';
import { DuplicateCandidateList } from './DuplicateCandidateList';
import { registerDraft } from './register-draft.store';
import {
  duplicateCheckRequest,
  emptyRegisterForm,
  FieldErrors,
  fromServerErrors,
  IDENTITY_FIELDS,
  orderedErrors,
  RegisterFormValues,
  validateRegisterForm,
} from './register-participant.form';
import { useDuplicateCheck } from './useDuplicateCheck';

/** The 409 answer of a registration that looks like someone on file, and the worker's answer to it. */
interface DuplicateConflict {
  body: DuplicateConflictBody;
  confirmed: boolean;
  note: string;
}

export interface RegisterParticipantScreenProps {
  user: StaffUserView;
  navigate: (href: string) => void;
  onRegistered: (participant: ParticipantDetail) => void;
}

export function RegisterParticipantScreen({ user, navigate, onRegistered }: RegisterParticipantScreenProps) {
  const api = useApi();
  const reference = useReference();
  const [restoredDraft] = useState(() => registerDraft.take(user.id));
  const [values, setValues] = useState<RegisterFormValues>(() => restoredDraft ?? emptyRegisterForm(user.office));
  // Never part of `values`: the SSN must not reach the draft store or outlive this screen.
  const [ssn, setSsn] = useState('');
  const [conflict, setConflict] = useState<DuplicateConflict | null>(null);
  const conflictRef = useRef<HTMLElement>(null);
  const duplicates = useDuplicateCheck(duplicateCheckRequest(values, ssn));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const abortRef = useRef<AbortController | null>(null);
  // One key per registration: a retry after a time-out or a lost answer reuses it, so the
  // server returns the person it already created instead of registering them twice.
  const submissionKeyRef = useRef(newSubmissionKey());

  useEffect(() => {
    document.title = 'Register participant – Waypoint';
    return () => abortRef.current?.abort();
  }, []);

  // The user's own office is the default only if it is a known office.
  useEffect(() => {
    if (reference.status !== 'ready' || !values.office) return;
    if (!reference.offices.some((o) => o.code === values.office)) setValues((v) => ({ ...v, office: '' }));
  }, [reference.status, reference.offices, values.office]);

  const set = <K extends keyof RegisterFormValues>(key: K) => (value: RegisterFormValues[K]) => {
    const next = { ...valuesRef.current, [key]: value };
    valuesRef.current = next;
    setValues(next);
    // A different person to look for: the candidates of the 409 no longer apply.
    if (IDENTITY_FIELDS.includes(key)) setConflict(null);
    // After a first attempt, messages follow the answers as they are corrected.
    if (attempted) {
      const result = validateRegisterForm(next, ssn);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const changeSsn = (value: string) => {
    setSsn(value);
    setConflict(null);
    if (attempted) {
      const result = validateRegisterForm(valuesRef.current, value);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const focusSummary = useFocusAfterRender(summaryRef);
  const focusConflict = useFocusAfterRender(conflictRef);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setFailure(null);
    if (conflict && !conflict.confirmed) {
      setErrors({ duplicateReview: 'Open the record of the person on file, or confirm that none of them is this person' });
      focusConflict();
      return;
    }
    const result = validateRegisterForm(values, ssn, conflict ? reviewOf(conflict) : undefined);
    if (!result.ok) {
      setErrors(result.errors);
      focusSummary();
      return;
    }
    setErrors({});
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy(true);
    try {
      const created = await api.registerParticipant(result.request, controller.signal, submissionKeyRef.current);
      submissionKeyRef.current = newSubmissionKey();
      setSsn('');
      registerDraft.clear();
      onRegistered(created);
      navigate(hrefs.participant(created.id));
    } catch (error) {
      if (isAbortError(error)) return;
      if (error instanceof SessionExpiredError) {
        registerDraft.save(user.id, valuesRef.current);
        return;
      }
      if (error instanceof ApiError && error.status === 409 && error.code === 'possible-duplicate') {
        // Nothing was written. The resend (same Idempotency-Key) carries the worker's review.
        setConflict({ body: error.body as DuplicateConflictBody, confirmed: false, note: '' });
        focusConflict();
        return;
      }
      if (error instanceof ApiValidationError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(fromServerErrors(error.fieldErrors));
        focusSummary();
      } else if (error instanceof ApiError && error.status === 403) {
        setFailure('Your role does not allow registering participants. Ask an intake worker or a case manager.');
        focusSummary();
      } else {
        setFailure(error instanceof ApiError ? error.message : 'The participant could not be saved. Try again.');
        focusSummary();
      }
    } finally {
      if (!controller.signal.aborted) setBusy(false);
    }
  }

  const summary = orderedErrors(errors);
  const officeOptions = reference.offices.map((o) => ({ value: o.code, label: o.name }));
  // Programs are configuration: the gateway lists the ones the agency runs.
  const programOptions = reference.programs.map((p) => ({ value: p.code, label: p.label }));

  return (
    <>
      <p className="breadcrumb">
        <a href={hrefs.participants()}>Participants</a>
      </p>
      <h1 tabIndex={-1}>Register participant</h1>
      <p className="lead">One person, one record: as you type, Waypoint looks for people already on file.</p>

      <div ref={summaryRef} tabIndex={-1} className="error-summary-anchor">
        {(summary.length > 0 || failure) && (
          <Alert tone="error" title={failure ? 'The participant was not saved' : errorCountText(summary.length)}>
            {failure && <p>{failure}</p>}
            {summary.length > 0 && (
              <ul className="error-summary__list">
                {summary.map((e) => (
                  <li key={e.field}>
                    {e.controlId ? (
                      <a
                        href={`#${e.controlId}`}
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(e.controlId as string)?.focus();
                        }}
                      >
                        {e.message}
                      </a>
                    ) : (
                      e.message
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>

      {restoredDraft && (
        <Alert tone="info">
          Your unsaved registration was kept while you signed in again. Check it and save. The SSN is never kept: enter it
          again if the person gave one.
        </Alert>
      )}

      <form onSubmit={submit} noValidate aria-label="Register participant" className="form">
        <fieldset className="wp-fieldset">
          <legend className="wp-fieldset__legend">Person</legend>
          <div className="form__row">
            <TextField id="firstName" label="First name" value={values.firstName} onValueChange={set('firstName')} error={errors.firstName} autoComplete="off" maxLength={80} required />
            <TextField id="lastName" label="Last name" value={values.lastName} onValueChange={set('lastName')} error={errors.lastName} autoComplete="off" maxLength={80} required />
          </div>
          <TextField
            id="dateOfBirth"
            label="Date of birth"
            type="date"
            value={values.dateOfBirth}
            onValueChange={set('dateOfBirth')}
            error={errors.dateOfBirth}
            hint="Participants must be between 14 and 110 years old."
            autoComplete="off"
            fieldClassName="form__narrow"
            required
          />
          <TextField
            id="ssn"
            label="Social Security number"
            value={ssn}
            onValueChange={changeSsn}
            error={errors.ssn}
            hint="Only to find a record the person may already have. Stored encrypted; staff only ever see the last four digits."
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={11}
            className="wp-input--medium"
            optional
          />
        </fieldset>

        <fieldset className="wp-fieldset">
          <legend className="wp-fieldset__legend">Contact</legend>
          <p className="wp-field__hint">Give an e-mail address, a phone number, or both.</p>
          <div className="form__row">
            <TextField id="email" label="E-mail" type="email" value={values.email} onValueChange={set('email')} error={errors.email} autoComplete="off" spellCheck={false} maxLength={200} optional />
            <TextField id="phone" label="Phone" type="tel" value={values.phone} onValueChange={set('phone')} error={errors.phone} autoComplete="off" maxLength={20} optional />
          </div>
        </fieldset>

        <fieldset className="wp-fieldset">
          <legend className="wp-fieldset__legend">
            Address <span className="wp-field__optional">(optional)</span>
          </legend>
          <p className="wp-field__hint">
            Leave all four empty if the participant has no fixed address. State is the two-letter code, for example OH.
          </p>
          <TextField id="address-line1" label="Street address" value={values.line1} onValueChange={set('line1')} error={errors['address.line1'] ?? errors.address} autoComplete="off" maxLength={120} />
          <div className="form__row form__row--address">
            <TextField id="address-city" label="City" value={values.city} onValueChange={set('city')} error={errors['address.city']} autoComplete="off" maxLength={80} />
            <TextField
              id="address-state"
              label="State"
              value={values.state}
              onValueChange={(v) => set('state')(v.toUpperCase())}
              error={errors['address.state']}
              autoComplete="off"
              maxLength={2}
              className="wp-input--short"
            />
            <TextField id="address-postalCode" label="ZIP code" value={values.postalCode} onValueChange={set('postalCode')} error={errors['address.postalCode']} inputMode="numeric" autoComplete="off" maxLength={10} className="wp-input--short" />
          </div>
        </fieldset>

        <fieldset className="wp-fieldset">
          <legend className="wp-fieldset__legend">Service</legend>
          {reference.status === 'error' && (
            <Alert tone="error" actions={<Button onClick={reference.retry}>Try again</Button>}>
              {reference.error ?? 'Offices could not be loaded.'}
            </Alert>
          )}
          <SelectField
            id="office"
            label="Office"
            value={values.office}
            options={officeOptions}
            onValueChange={set('office')}
            placeholder={reference.status === 'loading' ? 'Loading offices…' : 'Choose an office'}
            error={errors.office}
            required
          />
          <CheckboxGroup
            id="programsOfInterest"
            legend="Programs of interest"
            hint="Choose every program the person asks about; eligibility is checked later."
            options={programOptions}
            value={values.programsOfInterest}
            onValueChange={set('programsOfInterest')}
            error={errors.programsOfInterest}
          />
        </fieldset>

        {conflict ? (
          <DuplicateConflictPanel
            conflict={conflict}
            panelRef={conflictRef}
            error={errors.duplicateReview}
            officeName={reference.officeName}
            onChange={(change) => {
              setConflict((c) => (c ? { ...c, ...change } : c));
              if (change.confirmed) setErrors(({ duplicateReview: _done, ...rest }) => rest);
            }}
          />
        ) : (
          <InlineDuplicates state={duplicates} officeName={reference.officeName} />
        )}

        <div className="form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save participant
          </Button>
          <Button
            variant="quiet"
            onClick={() => {
              registerDraft.clear();
              navigate(hrefs.participants());
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}

function reviewOf(conflict: DuplicateConflict): DuplicateReviewRequest {
  const note = conflict.note.trim();
  return {
    confirmedNotDuplicate: true,
    reviewedCandidateIds: conflict.body.reviewRequiredFor,
    ...(note ? { note } : {}),
  };
}

/** Search before create: who is already on file with these answers, updated as the worker types. */
function InlineDuplicates({ state, officeName }: { state: ReturnType<typeof useDuplicateCheck>; officeName: (code: string) => string }) {
  const count = state.candidates.length;
  return (
    <section className="duplicates" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading" className="duplicates__heading">
        Already on file?
      </h2>
      <div aria-live="polite" aria-busy={state.status === 'checking'}>
        {state.status === 'idle' && (
          <p className="muted">Enter the first name, last name and date of birth to look for people already on file.</p>
        )}
        {state.status === 'checking' && count === 0 && <p className="muted">Looking for people already on file…</p>}
        {state.status === 'ready' && count === 0 && <p>No one on file matches these answers.</p>}
        {state.status === 'error' && (
          <p className="muted">
            The search for people already on file did not answer ({state.error}). Saving checks again.
          </p>
        )}
        {count > 0 && (state.status === 'ready' || state.status === 'checking') && (
          <>
            <p>
              {count === 1 ? '1 person on file may be this person.' : `${count} people on file may be this person.`} If one of them
              is, open their record instead of registering again.
            </p>
            <DuplicateCandidateList candidates={state.candidates} officeName={officeName} idPrefix="inline" />
          </>
        )}
      </div>
    </section>
  );
}

interface DuplicateConflictPanelProps {
  conflict: DuplicateConflict;
  panelRef: RefObject<HTMLElement | null>;
  error?: string;
  officeName: (code: string) => string;
  onChange: (change: Partial<Pick<DuplicateConflict, 'confirmed' | 'note'>>) => void;
}

/** The 409 possible-duplicate: the candidates again, and the worker's confirmation before the resend. */
function DuplicateConflictPanel({ conflict, panelRef, error, officeName, onChange }: DuplicateConflictPanelProps) {
  const { body } = conflict;
  return (
    <section ref={panelRef} tabIndex={-1} className="duplicates duplicates--conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" className="duplicates__heading">
        This person may already be on file
      </h2>
      <div aria-live="polite">
        <p>
          Nothing was saved.{' '}
          {body.candidates.length === 1
            ? 'Check the person below: if they are the person you are registering, open their record.'
            : 'Check the people below: if one of them is the person you are registering, open their record.'}{' '}
          Otherwise confirm below, and save again.
        </p>
        <DuplicateCandidateList candidates={body.candidates} officeName={officeName} idPrefix="conflict" />
      </div>
      <CheckboxField
        id="confirmNotDuplicate"
        label="None of these is the same person"
        checked={conflict.confirmed}
        onCheckedChange={(confirmed) => onChange({ confirmed })}
        error={error}
      />
      <TextAreaField
        id="duplicateNote"
        label="Note"
        hint="How you know, for example a different middle name or mother's maiden name. Do not write an SSN."
        value={conflict.note}
        onValueChange={(note) => onChange({ note })}
        maxLength={500}
        optional
      />
    </section>
  );
}

function errorCountText(n: number): string {
  return n === 1 ? 'There is a problem with 1 answer' : `There are problems with ${n} answers`;
}

/**
 * Moves focus to `ref` once React has committed the render that shows it. (A focus queued
 * for the next animation frame could run before a busy browser committed the new panel, and
 * then land nowhere.)
 */
function useFocusAfterRender(ref: RefObject<HTMLElement | null>): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.focus();
  }, [requests, ref]);
  return () => setRequests((n) => n + 1);
}
