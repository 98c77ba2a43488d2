import { useEffect } from 'react';
import { can, type ParticipantDetail, type StaffRole } from '@waypoint/contracts';
import { Alert, Button, PhaseBadge } from '@waypoint/ui';
import { hrefs } from '../../app/routes';
import { JourneyDetails } from '../journey/JourneyDetails';
import { useReference } from '../reference/ReferenceContext';
import { AssessmentsPanel } from './AssessmentsPanel';
import { EligibilityPanel } from './EligibilityPanel';
import { EnrollmentsPanel } from './EnrollmentsPanel';
import { ageOn, formatCalendarDate, formatInstant, fullName } from './participant-format';
import { useParticipantPage } from './useParticipantPage';

export interface ParticipantScreenProps {
  id: string;
  /** A one-off message from the previous screen, e.g. "registered". */
  flash: string | null;
  /** The signed-in user's roles: panels a role may not read are not asked for. */
  roles: readonly StaffRole[];
}

export function ParticipantScreen({ id, flash, roles }: ParticipantScreenProps) {
  const view = useParticipantPage(id);
  const reference = useReference();
  const participant = view.page?.participant ?? null;
  const journey = view.page?.journey ?? null;
  const name = participant ? fullName(participant) : null;

  useEffect(() => {
    // No names in the title: titles end up in the browser history of shared workstations.
    document.title = 'Participant – Waypoint';
  }, []);

  return (
    <>
      <p className="breadcrumb">
        <a href={hrefs.participants()}>Participants</a>
      </p>
      <h1 tabIndex={-1}>{name ?? 'Participant'}</h1>

      {view.status === 'loading' && (
        <p role="status" className="loading">
          <span className="wp-spinner" aria-hidden="true" /> Loading participant…
        </p>
      )}

      {view.status === 'error' && (
        <Alert
          tone="error"
          title={view.notFound ? 'No such participant' : 'The participant could not be loaded'}
          actions={!view.notFound && <Button onClick={view.refresh}>Try again</Button>}
        >
          {view.notFound ? (
            <p>
              There is no participant with this address. <a href={hrefs.participants()}>Back to the participant list</a>
            </p>
          ) : (
            view.error
          )}
        </Alert>
      )}

      {flash && participant && <Alert tone="success">{flash}</Alert>}

      {participant && journey && (
        <div className="participant">
          <section className="panel panel--wide" aria-labelledby="journey-heading">
            <div className="panel__heading">
              <h2 id="journey-heading">Journey</h2>
              <Button onClick={view.refresh} busy={view.refreshing}>
                Refresh
              </Button>
            </div>
            <dl className="details">
              <div>
                <dt>Phase</dt>
                <dd aria-live="polite" aria-atomic="true">
                  {journey.phase !== null ? (
                    <PhaseBadge phase={journey.phase} testId={`phase-${participant.id}`} />
                  ) : view.waitingGaveUp ? (
                    <span className="muted">Not started yet</span>
                  ) : (
                    <span className="muted">
                      <span className="wp-spinner" aria-hidden="true" /> Starting journey…
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Source</dt>
                <dd>
                  {journey.live ? 'Live from the journey workflow' : 'Last recorded event (the journey workflow did not answer)'}
                </dd>
              </div>
              {view.checkedAt && (
                <div>
                  <dt>Checked</dt>
                  <dd>
                    <time dateTime={view.checkedAt.toISOString()}>{view.checkedAt.toLocaleTimeString('en-US')}</time>
                  </dd>
                </div>
              )}
            </dl>
            {view.waitingGaveUp && (
              <Alert tone="warning">
                The journey has not reported a phase after 15 seconds. It may be delayed; select Refresh to check again.
              </Alert>
            )}
            {!journey.live && journey.error && <p className="wp-field__hint">Journey service: {journey.error}</p>}
            {view.refreshError && <Alert tone="error">{view.refreshError}</Alert>}
            {journey.phase !== null && (
              <JourneyDetails participantId={participant.id} roles={roles} reloadKey={view.checkedAt?.getTime()} onChanged={view.refresh} />
            )}
          </section>

          <section className="panel panel--wide" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <ParticipantDetails participant={participant} officeName={reference.officeName} programLabel={reference.programLabel} />
          </section>

          <EnrollmentsPanel participantId={participant.id} />
          <EligibilityPanel participantId={participant.id} allowed={can(roles, 'readEligibility')} />
          <AssessmentsPanel participantId={participant.id} />
        </div>
      )}
    </>
  );
}

interface ParticipantDetailsProps {
  participant: ParticipantDetail;
  officeName: (code: string) => string;
  programLabel: (code: string) => string;
}

function ParticipantDetails({ participant: p, officeName, programLabel }: ParticipantDetailsProps) {
  const age = ageOn(p.dateOfBirth);
  return (
    <dl className="details">
      <div>
        <dt>Date of birth</dt>
        <dd>
          <time dateTime={p.dateOfBirth}>{formatCalendarDate(p.dateOfBirth)}</time>
          {age !== null && <span className="muted"> (age {age})</span>}
        </dd>
      </div>
      {p.hasSsn !== undefined && (
        <div>
          <dt>SSN</dt>
          <dd>
            {p.ssnMasked ? (
              <span data-testid="ssn-masked" aria-label={`Social Security number ending ${p.ssnLast4 ?? p.ssnMasked.slice(-4)}`}>
                {p.ssnMasked}
              </span>
            ) : (
              <span className="muted">Not given</span>
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>Office</dt>
        <dd>{officeName(p.office)}</dd>
      </div>
      <div>
        <dt>Programs of interest</dt>
        <dd>
          {p.programsOfInterest.length > 0 ? (
            <ul className="plain-list">
              {p.programsOfInterest.map((code) => (
                <li key={code}>{programLabel(code)}</li>
              ))}
            </ul>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </div>
      <div>
        <dt>E-mail</dt>
        <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : <span className="muted">Not given</span>}</dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>{p.phone ? <a href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>{p.phone}</a> : <span className="muted">Not given</span>}</dd>
      </div>
      <div>
        <dt>Address</dt>
        <dd>
          {p.address ? (
            <address>
              {p.address.line1}
              <br />
              {p.address.city}, {p.address.state} {p.address.postalCode}
            </address>
          ) : (
            <span className="muted">Not given</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Registered</dt>
        <dd>
          <time dateTime={p.registeredAt}>{formatInstant(p.registeredAt)}</time>
          {p.registeredBy && <span className="muted"> by {p.registeredBy}</span>}
        </dd>
      </div>
      {p.duplicateReview && (
        <div>
          <dt>Duplicate review</dt>
          <dd data-testid="duplicate-review">
            Registered although {p.duplicateReview.reviewedCandidateIds.length === 1 ? 'a record on file looked' : 'records on file looked'}{' '}
            like the same person; {p.duplicateReview.confirmedBy} confirmed it is someone else on{' '}
            <time dateTime={p.duplicateReview.confirmedAt}>{formatInstant(p.duplicateReview.confirmedAt)}</time>.
            {p.duplicateReview.note && <span> Note: {p.duplicateReview.note}</span>}
            <ul className="plain-list">
              {p.duplicateReview.reviewedCandidateIds.map((candidateId) => (
                <li key={candidateId}>
                  <a href={hrefs.participant(candidateId)}>
                    Reviewed record <code>{candidateId}</code>
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <div>
        <dt>Participant id</dt>
        <dd>
          <code>{p.id}</code>
        </dd>
      </div>
    </dl>
  );
}
