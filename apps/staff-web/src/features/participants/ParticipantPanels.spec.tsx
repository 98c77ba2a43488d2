import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { AssessmentRecord } from '@waypoint/contracts';
import { App } from '../../app/App';
import {
  aDetermination,
  anAssessmentLatest,
  anEnrollment,
  aJourney,
  aParticipantPage,
  aProgramEligibility,
  aUser,
  signedInAt,
} from '../../testing/builders';
import { FakeFetch } from '../../testing/fake-fetch';

const ENROLLMENTS = 'GET /api/participants/p-5/enrollments';
const ELIGIBILITY = 'GET /api/participants/p-5/eligibility';
const ASSESSMENTS = 'GET /api/participants/p-5/assessments';
const BARRIERS_2 = 'GET /api/participants/p-5/assessments/barriers/2';

const barriersRecord = {
  ...anAssessmentLatest({ id: 'a-9', kind: 'barriers', number: 2 }),
  answers: { barriers: {} },
  result: {
    needs: [
      { area: 'child_care', severity: 'high', suggestedService: { code: 'CHILD_CARE_ASSISTANCE', label: 'Child care assistance', urgency: 'soon' } },
      { area: 'transportation', severity: 'low', suggestedService: { code: 'BUS_PASS', label: 'Bus pass', urgency: 'routine' } },
    ],
  },
} as unknown as AssessmentRecord;

describe('participant page panels', () => {
  let fake: FakeFetch;

  function answerEverything() {
    fake.on('GET /api/participants/p-5', {
      status: 200,
      body: aParticipantPage({ id: 'p-5', firstName: 'Dana', lastName: 'Lee', hasSsn: true, ssnLast4: '6789', ssnMasked: '***-**-6789' }),
    });
    fake.on('GET /api/participants/p-5/journey', { status: 200, body: aJourney() });
    fake.on(ENROLLMENTS, {
      status: 200,
      body: [
        anEnrollment({ id: 'e-2', program: 'SNAP_ET', label: 'SNAP E&T', enrolledOn: '2026-02-01' }),
        anEnrollment({
          id: 'e-1',
          status: 'exited',
          exit: { exitedOn: '2026-03-31', reason: 'entered_employment', exitedBy: 'case.manager', recordedAt: '2026-04-01T10:00:00Z' },
        }),
      ],
    });
    fake.on(ELIGIBILITY, {
      status: 200,
      body: [
        aDetermination([
          aProgramEligibility(),
          aProgramEligibility({
            program: 'WIOA_DISLOCATED_WORKER',
            label: 'WIOA Dislocated Worker',
            status: 'undetermined',
            reasons: [
              { ruleId: 'age', kind: 'age', outcome: 'passed', message: 'Age 35 is at least 18' },
              { ruleId: 'laid-off', kind: 'dislocated', outcome: 'missing', message: 'Not known whether laid off', document: 'Layoff notice or separation letter' },
            ],
          }),
        ]),
        aDetermination([aProgramEligibility({ status: 'not_eligible', label: 'Older determination' })]),
      ],
    });
    fake.on(ASSESSMENTS, {
      status: 200,
      body: {
        participantId: 'p-5',
        kinds: {
          'intake-questionnaire': anAssessmentLatest({ kind: 'intake-questionnaire', summary: { highestEducation: 'some_college' } }),
          barriers: anAssessmentLatest({
            kind: 'barriers',
            number: 2,
            reassessmentDueOn: '2026-01-01',
            due: true,
            summary: { needCount: 2, worstSeverity: 'high' },
          }),
          'interest-profile': anAssessmentLatest({ summary: { hollandCode: 'SEC', jobZone: 3 } }),
          'job-readiness': null,
        },
      },
    });
    fake.on(BARRIERS_2, { status: 200, body: barriersRecord });
  }

  afterEach(() => {
    cleanup();
    fake.restore();
  });

  it('shows the masked SSN, the enrollments, the latest eligibility with reasons, and the assessments', async () => {
    fake = signedInAt('#/participants/p-5', aUser({ roles: ['case_manager'] }));
    answerEverything();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Dana Lee' });

    expect(screen.getByTestId('ssn-masked').textContent).toBe('***-**-6789');
    expect(document.body.textContent).not.toContain('123-45');
    expect(screen.queryByTestId('duplicate-review')).toBeNull();

    const enrollments = await screen.findByRole('table', { name: 'Enrollments' });
    const rows = within(enrollments).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' '))).toEqual([
      'SNAP E&T02/01/2026Open',
      'WIOA Adult01/12/2026Exited on 03/31/2026 (Entered employment)',
    ]);

    const eligibility = screen.getByRole('region', { name: 'Eligibility' });
    await within(eligibility).findByRole('heading', { level: 3, name: 'WIOA Dislocated Worker' });
    expect(within(eligibility).queryByText('Older determination')).toBeNull();
    expect(within(eligibility).getByTestId('eligibility-status-WIOA_ADULT').textContent).toBe('Eligible');
    expect(within(eligibility).getByTestId('eligibility-status-WIOA_DISLOCATED_WORKER').textContent).toBe('Undetermined: a fact is missing');
    const reasons = within(eligibility).getByRole('list', { name: 'Reasons for WIOA Dislocated Worker' });
    expect(reasons.textContent).toContain('Unknown: Not known whether laid off Would be resolved by: Layoff notice or separation letter.');
    expect(reasons.textContent).toContain('Met: Age 35 is at least 18');

    const assessments = await screen.findByRole('table', { name: 'Assessments' });
    const row = (kind: string) => assessments.querySelector(`tr[data-assessment-kind="${kind}"]`) as HTMLElement;
    expect(row('intake-questionnaire').textContent).toContain('Education: some college');
    expect(row('interest-profile').textContent).toContain('Interests: SEC, job zone 3');
    expect(row('job-readiness').textContent).toContain('Not done yet');
    expect(row('barriers').textContent).toContain('01/01/2026');
    expect(within(row('barriers')).getByTestId('assessment-due-barriers').textContent).toBe('Overdue');
    expect(within(row('interest-profile')).queryByTestId('assessment-due-interest-profile')).toBeNull();

    const services = await screen.findByRole('list', { name: 'Suggested supportive services' });
    expect(within(services).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Child care assistance for child care (severity high; soon)',
      'Bus pass for transportation (severity low; routine)',
    ]);
  });

  it('hides the eligibility panel when the gateway refuses it (403), without an error', async () => {
    fake = signedInAt('#/participants/p-5', aUser({ roles: ['supervisor'] }));
    answerEverything();
    fake.on(ELIGIBILITY, { status: 403, body: { statusCode: 403, message: 'Forbidden resource' } });
    render(<App />);
    await screen.findByRole('table', { name: 'Enrollments' });
    await screen.findByRole('table', { name: 'Assessments' });

    expect(fake.callsTo(ELIGIBILITY)).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Eligibility' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not ask for eligibility for a role that may not read it, nor show barriers it is not given', async () => {
    fake = signedInAt('#/participants/p-5', aUser({ roles: ['job_developer'] }));
    answerEverything();
    fake.on(ASSESSMENTS, {
      status: 200,
      body: { participantId: 'p-5', kinds: { 'interest-profile': anAssessmentLatest({ summary: { hollandCode: 'RIA' } }), 'job-readiness': null } },
    });
    render(<App />);
    const assessments = await screen.findByRole('table', { name: 'Assessments' });

    expect(fake.callsTo(ELIGIBILITY)).toHaveLength(0);
    expect(screen.queryByRole('heading', { name: 'Eligibility' })).toBeNull();
    expect(within(assessments).getAllByRole('row')).toHaveLength(3);
    expect(within(assessments).queryByText(/Barriers/)).toBeNull();
    expect(fake.callsTo(BARRIERS_2)).toHaveLength(0);
    expect(screen.queryByRole('heading', { name: 'Suggested supportive services' })).toBeNull();
  });

  it('shows loading, then a failed panel with its own Try again, while the rest of the page works', async () => {
    fake = signedInAt('#/participants/p-5', aUser({ roles: ['case_manager'] }));
    answerEverything();
    fake.on(ENROLLMENTS, { status: 502, body: { statusCode: 502, message: 'Service answered 500' } });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Dana Lee' });
    expect(within(screen.getByRole('region', { name: 'Enrollments' })).getByRole('status').textContent).toContain('Loading enrollments');

    const enrollments = screen.getByRole('region', { name: 'Enrollments' });
    const alert = await within(enrollments).findByRole('alert');
    expect(alert.textContent).toContain('The enrollments could not be loaded');
    expect(alert.textContent).toContain('Service answered 500');
    expect(await screen.findByRole('table', { name: 'Assessments' })).toBeTruthy();

    fake.on(ENROLLMENTS, { status: 200, body: [] });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(enrollments).findByText('Not enrolled in any program yet.')).toBeTruthy();
  });

  it('says when the person was registered despite likely duplicates, with links to the records reviewed', async () => {
    fake = signedInAt('#/participants/p-5', aUser({ roles: ['case_manager'] }));
    answerEverything();
    fake.on('GET /api/participants/p-5', {
      status: 200,
      body: aParticipantPage({
        id: 'p-5',
        duplicateReview: { confirmedBy: 'intake.worker', confirmedAt: '2026-01-10T15:00:00.000Z', reviewedCandidateIds: ['p-9'], note: 'Twin sister' },
      }),
    });
    render(<App />);

    const review = await screen.findByTestId('duplicate-review');
    expect(review.textContent).toContain('intake.worker confirmed it is someone else');
    expect(review.textContent).toContain('Note: Twin sister');
    expect(within(review).getByRole('link', { name: 'Reviewed record p-9' }).getAttribute('href')).toBe('#/participants/p-9');
  });
});
