import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { JourneyStateView, StaffRole } from '@waypoint/contracts';
import { App } from '../../app/App';
import { aJourney, aParticipantPage, aUser, signedInAt } from '../../testing/builders';
import { FakeFetch } from '../../testing/fake-fetch';

const PAGE = 'GET /api/participants/p-5';
const JOURNEY = 'GET /api/participants/p-5/journey';
const CONFIRM = 'POST /api/participants/p-5/journey/exit-confirmation';
const REOPEN = 'POST /api/participants/p-5/journey/reopen';

const proposal = { exitOn: '2025-11-20', lastServiceOn: '2025-11-20', programs: ['WIOA_ADULT'], proposedAt: '2026-02-18T00:00:00.000Z' };
const exit = {
  exitOn: '2025-11-20',
  reason: 'health' as const,
  note: 'Inpatient treatment',
  confirmedBy: 'case.manager',
  confirmedAt: '2026-02-20T15:00:00.000Z',
  followUpFrom: '2025-11-20',
  followUpEndsOn: '2026-11-20',
};

describe('participant page: the journey', () => {
  let fake: FakeFetch;

  function openAs(roles: StaffRole[]) {
    fake = signedInAt('#/participants/p-5', aUser({ id: 'u-cm', username: 'case.manager', roles }));
    fake.on(PAGE, { status: 200, body: aParticipantPage({ id: 'p-5', firstName: 'Dana', lastName: 'Lee' }, { phase: 'services' }) });
    fake.on('GET /api/participants/p-5/enrollments', { status: 200, body: [] });
    fake.on('GET /api/participants/p-5/eligibility', { status: 200, body: [] });
    fake.on('GET /api/participants/p-5/assessments', { status: 200, body: { participantId: 'p-5', kinds: {} } });
  }

  afterEach(() => {
    cleanup();
    fake.restore();
  });

  const details = () => screen.findByTestId('journey-details');

  /** The journey as the server holds it: `before`, and `after` once `action` succeeded (the page reads it again). */
  function serveJourney(before: JourneyStateView, action: string, after: JourneyStateView) {
    let current = before;
    fake.on(JOURNEY, () => ({ status: 200, body: current }));
    fake.on(action, () => {
      current = after;
      return { status: 200, body: after };
    });
  }

  /** The page and the journey have been read again after the action. */
  const reread = () => waitFor(() => expect(fake.callsTo(JOURNEY).length).toBeGreaterThanOrEqual(2));

  it('shows days since the last service, the deadlines (overdue marked), open tasks and the phases so far', async () => {
    openAs(['supervisor']);
    fake.on(JOURNEY, {
      status: 200,
      body: aJourney({
        deadlines: [
          { kind: 'plan_due', dueOn: '2026-01-30', label: 'Plan due', program: 'WIOA_ADULT' },
          { kind: 'contact_due', dueOn: '2099-03-27', label: 'Monthly contact due' },
        ],
        openTasks: [
          { taskId: 't-1', kind: 'plan_overdue', title: 'Plan overdue: escalated', dueOn: '2026-02-06', audience: 'supervisor', openedAt: '2026-02-06T00:00:00.000Z' },
        ],
      }),
    });
    render(<App />);
    const journey = await details();

    expect(within(journey).getByTestId('journey-days-since').textContent).toMatch(/^10 days \(last service 02\/20\/2026\)$/);
    const deadlines = within(within(journey).getByRole('region', { name: 'Next deadlines' })).getAllByRole('listitem');
    expect(deadlines.map((d) => d.textContent)).toEqual(['Plan due (WIOA Adult): 01/30/2026 Overdue', 'Monthly contact due: 03/27/2099']);
    const tasks = within(within(journey).getByRole('region', { name: 'Open tasks' })).getAllByRole('listitem');
    expect(tasks.map((t) => t.textContent)).toEqual(['Plan overdue: escalated (Supervisor (escalated)): due 02/06/2026 Overdue']);
    const history = within(journey).getByRole('list', { name: 'Journey phases, oldest first' });
    expect(within(history).getAllByRole('listitem').map((li) => li.querySelector('[data-phase]')?.textContent)).toEqual(['intake', 'planning', 'services']);
    // Nothing to confirm or reopen.
    expect(within(journey).queryByRole('button', { name: /Confirm exit|Reopen/ })).toBeNull();
  });

  it('says when the journey has not started yet, without an error', async () => {
    openAs(['case_manager']);
    fake.on(JOURNEY, { status: 404, body: { statusCode: 404, live: false, participantId: 'p-5', workflowId: 'journey-p-5', reason: 'The journey has not started' } });
    render(<App />);

    expect(await screen.findByText(/The journey has not started yet/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('confirms a proposed exit with the reason and note, once per submission, and shows the exit', async () => {
    openAs(['case_manager']);
    serveJourney(aJourney({ daysSinceLastService: 92, exitProposal: proposal }), CONFIRM, aJourney({ phase: 'follow_up', exitProposal: null, exit, deadlines: [] }));
    render(<App />);
    const journey = await details();
    const form = within(journey).getByRole('form', { name: 'Confirm the exit' });
    expect(within(form).getByText('11/20/2025')).toBeTruthy();

    // No reason yet: said on the field, nothing sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm exit' }));
    expect(within(form).getByText('Choose the reason for the exit')).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText('Reason for exit'));
    expect(fake.callsTo(CONFIRM)).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Reason for exit'), { target: { value: 'health' } });
    fireEvent.change(within(form).getByLabelText(/Note/), { target: { value: '  Inpatient treatment ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm exit' }));

    expect(await screen.findByText(/Exit confirmed\. Follow-up runs until 11\/20\/2026\./)).toBeTruthy();
    const [call] = fake.callsTo(CONFIRM);
    expect(call.body).toEqual({ reason: 'health', note: 'Inpatient treatment' });
    expect(call.headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    const exitRegion = within(journey).getByRole('region', { name: 'Exit' });
    expect(within(exitRegion).getByText(/Health or medical treatment/)).toBeTruthy();
    expect(within(exitRegion).getByText(/by case\.manager/)).toBeTruthy();
    expect(within(journey).queryByRole('form', { name: 'Confirm the exit' })).toBeNull();
    // The page reads the participant and the journey again, so the phase at the top catches up.
    await reread();
    expect(fake.callsTo(PAGE).length).toBeGreaterThanOrEqual(2);
    expect(within(await details()).getByRole('region', { name: 'Exit' })).toBeTruthy();
    expect(fake.callsTo(CONFIRM)).toHaveLength(1);
  });

  it('shows the journey’s reason when it turns the exit down (422), and sends the retry as a new submission', async () => {
    openAs(['case_manager']);
    fake.on(JOURNEY, { status: 200, body: aJourney({ exitProposal: proposal }) });
    const message = 'A service is scheduled for 2026-03-10: the exit is no longer due';
    fake.on(CONFIRM, {
      status: 422,
      body: { statusCode: 422, error: 'Unprocessable Entity', message, errors: [{ field: 'reason', message }] },
    });
    render(<App />);
    const form = within(await details()).getByRole('form', { name: 'Confirm the exit' });

    fireEvent.change(within(form).getByLabelText('Reason for exit'), { target: { value: 'lost_contact' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm exit' }));

    expect(await within(form).findByText(message)).toBeTruthy();
    expect(within(form).getByLabelText('Reason for exit').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm exit' }));
    await waitFor(() => expect(fake.callsTo(CONFIRM)).toHaveLength(2));
    const [first, second] = fake.callsTo(CONFIRM);
    expect(second.headers['Idempotency-Key']).not.toBe(first.headers['Idempotency-Key']);
  });

  it('records an early exit for a performance exclusion, offering only those reasons', async () => {
    openAs(['case_manager']);
    serveJourney(aJourney(), CONFIRM, aJourney({ phase: 'follow_up', exit: { ...exit, reason: 'reserve_call_up' } }));
    render(<App />);
    const journey = await details();
    expect(within(journey).queryByRole('form')).toBeNull();

    const toggle = within(journey).getByRole('button', { name: 'Record an early exit…' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = within(journey).getByRole('form', { name: 'Early exit (performance exclusion)' });
    const options = within(within(form).getByLabelText('Reason for exit')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([
      'Choose a reason',
      'Institutionalised or incarcerated',
      'Health or medical treatment',
      'Deceased',
      'Called up to military reserve duty',
    ]);

    fireEvent.change(within(form).getByLabelText('Reason for exit'), { target: { value: 'reserve_call_up' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm exit' }));

    expect(await screen.findByText(/Exit confirmed\./)).toBeTruthy();
    expect(fake.callsTo(CONFIRM)[0].body).toEqual({ reason: 'reserve_call_up' });
    await reread();
    const after = await details();
    expect(within(after).queryByRole('button', { name: 'Record an early exit…' })).toBeNull();
    expect(within(after).getByRole('button', { name: 'Reopen case…' })).toBeTruthy();
  });

  it('reopens an exited case with a reason, back to services', async () => {
    openAs(['supervisor']);
    serveJourney(aJourney({ phase: 'follow_up', exit }), REOPEN, aJourney({ phase: 'services', exit: null }));
    render(<App />);
    const journey = await details();

    fireEvent.click(within(journey).getByRole('button', { name: 'Reopen case…' }));
    const form = within(journey).getByRole('form', { name: 'Reopen the case' });
    fireEvent.click(within(form).getByRole('button', { name: 'Reopen case' }));
    expect(within(form).getByText('Say why the case reopens')).toBeTruthy();
    expect(fake.callsTo(REOPEN)).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Why does the case reopen?'), { target: { value: 'Back from treatment' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reopen case' }));

    expect(await screen.findByText('Case reopened: back to services.')).toBeTruthy();
    expect(fake.callsTo(REOPEN)[0].body).toEqual({ reason: 'Back from treatment' });
    await reread();
    const after = await details();
    expect(within(after).queryByRole('region', { name: 'Exit' })).toBeNull();
    expect(within(after).queryByRole('button', { name: 'Reopen case…' })).toBeNull();
  });

  it('shows a proposed exit to roles that may not confirm it, without the form or the reopen action', async () => {
    openAs(['intake_worker']);
    fake.on(JOURNEY, { status: 200, body: aJourney({ exitProposal: proposal }) });
    render(<App />);
    const journey = await details();

    expect(within(journey).getByRole('region', { name: /Exit proposed/ })).toBeTruthy();
    expect(within(journey).getByText('A case manager or supervisor confirms the exit.')).toBeTruthy();
    expect(within(journey).queryByRole('form')).toBeNull();
    expect(within(journey).queryByRole('button')).toBeNull();
  });
});
