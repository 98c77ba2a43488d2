import { FormEvent, useEffect, useRef, useState } from 'react';
import { ParticipantDetail, StaffUserView } from '@waypoint/contracts';
import { Alert, Button, CheckboxGroup, SelectField, TextField } from '@waypoint/ui';
import { ApiError, ApiValidationError, isAbortError, SessionExpiredError, useApi } from '../../api';
import { hrefs } from '../../app/routes';
import { useReference } from '../reference/ReferenceContext';
import { registerDraft } from './register-draft.store';
import {
  emptyRegisterForm,
  FieldErrors,
  fromServerErrors,
  orderedErrors,
  RegisterFormValues,
  validateRegisterForm,
} from './register-participant.form';

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
    // After a first attempt, messages follow the answers as they are corrected.
    if (attempted) {
      const result = validateRegisterForm(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const focusSummary = () => window.requestAnimationFrame(() => summaryRef.current?.focus());

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setFailure(null);
    const result = validateRegisterForm(values);
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
      registerDraft.clear();
      onRegistered(created);
      navigate(hrefs.participant(created.id));
    } catch (error) {
      if (isAbortError(error)) return;
      if (error instanceof SessionExpiredError) {
        registerDraft.save(user.id, valuesRef.current);
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
      <p className="lead">One person, one record: search the participant list first if they may already be registered.</p>

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
        <Alert tone="info">Your unsaved registration was kept while you signed in again. Check it and save.</Alert>
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

function errorCountText(n: number): string {
  return n === 1 ? 'There is a problem with 1 answer' : `There are problems with ${n} answers`;
}

function newSubmissionKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
