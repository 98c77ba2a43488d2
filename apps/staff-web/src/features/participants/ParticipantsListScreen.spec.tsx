import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../app/App';
import { aParticipant, aParticipantPage, aUser, storeSession, signedInAt } from '../../testing/builders';
import { FakeFetch } from '../../testing/fake-fetch';
import { listSearch } from './list-search.store';

describe('participants list', () => {
  let fake: FakeFetch;
  const first = aParticipant({ id: 'p-1', firstName: 'Avery', lastName: 'Jones', phase: 'intake', programsOfInterest: ['WIOA_ADULT', 'SNAP_ET'] });
  const second = aParticipant({ id: 'p-2', firstName: 'Blake', lastName: 'Smith', phase: 'planning', office: 'EST', dateOfBirth: '1985-12-01' });
  const third = aParticipant({ id: 'p-3', firstName: 'Casey', lastName: 'Brown', phase: null });

  beforeEach(() => {
    listSearch.clear();
    fake = signedInAt('#/participants');
  });
  afterEach(() => {
    cleanup();
    fake.restore();
  });

  const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1); // minus the header row

  it('renders one row per participant with its phase badge', async () => {
    fake.on('GET /api/participants', { status: 200, body: { items: [first, second, third], nextCursor: null } });
    render(<App />);

    const table = await screen.findByRole('table', { name: 'Participants' });
    const rows = rowsOf(table);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('Jones, Avery');
    expect(within(rows[0]).getByText('04/15/1990')).toBeTruthy();
    expect(await within(rows[0]).findByText('Downtown AJC')).toBeTruthy();
    expect(within(rows[0]).getByText('WIOA Adult, SNAP E&T')).toBeTruthy();
    expect(within(rows[1]).getByText('Eastside AJC')).toBeTruthy();
    expect(screen.getByTestId('phase-p-1').textContent).toBe('intake');
    expect(screen.getByTestId('phase-p-2').textContent).toBe('planning');
    // No phase yet: a "starting" badge, never a phase the journey has not reported.
    expect(screen.getByTestId('phase-p-3').textContent).toBe('starting');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(fake.callsTo('GET /api/participants')[0].query.get('limit')).toBe('50');
  });

  it('shows days since the last service and the next deadline, marking one that is past and a proposed exit', async () => {
    const onTrack = aParticipant({
      id: 'p-1',
      phase: 'services',
      lastServiceOn: '2026-02-20',
      daysSinceLastService: 12,
      nextDeadline: { kind: 'contact_due', dueOn: '2099-03-27', label: 'Monthly contact due', program: 'WIOA_ADULT' },
      exitProposedOn: null,
    });
    const late = aParticipant({
      id: 'p-2',
      firstName: 'Blake',
      phase: 'services',
      lastServiceOn: '2025-08-01',
      daysSinceLastService: 1,
      nextDeadline: { kind: 'exit_inactivity', dueOn: '2025-10-30', label: 'Exit review' },
      exitProposedOn: '2025-08-01',
    });
    fake.on('GET /api/participants', { status: 200, body: { items: [onTrack, late, third], nextCursor: null } });
    render(<App />);
    const table = await screen.findByRole('table', { name: 'Participants' });

    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Days since last service', 'Next deadline']));
    expect(screen.getByTestId('days-since-p-1').textContent).toBe('12 days');
    expect(screen.getByTestId('days-since-p-2').textContent).toBe('1 day');
    expect(screen.getByTestId('days-since-p-3').textContent).toBe('No service yet');
    expect(await within(screen.getByTestId('next-deadline-p-1')).findByText(/Monthly contact due \(WIOA Adult\)/)).toBeTruthy();
    expect(within(screen.getByTestId('next-deadline-p-1')).getByText('03/27/2099')).toBeTruthy();
    expect(screen.queryByTestId('overdue-p-1')).toBeNull();
    expect(screen.queryByTestId('exit-proposed-p-1')).toBeNull();
    expect(screen.getByTestId('overdue-p-2').textContent).toBe('Overdue');
    expect(screen.getByTestId('exit-proposed-p-2').textContent).toBe('Exit proposed');
    expect(screen.getByTestId('next-deadline-p-3').textContent).toBe('None');
  });

  it('loads the next page with the cursor and appends it', async () => {
    fake.on('GET /api/participants', (req) =>
      req.query.get('cursor') === 'c-2'
        ? { status: 200, body: { items: [third], nextCursor: null } }
        : { status: 200, body: { items: [first, second], nextCursor: 'c-2' } },
    );
    render(<App />);
    const table = await screen.findByRole('table', { name: 'Participants' });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(rowsOf(table)).toHaveLength(3));
    expect(fake.callsTo('GET /api/participants')[1].query.get('cursor')).toBe('c-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByText(/Showing 3 participants/)).toBeTruthy();
  });

  it('opens a participant with Enter on the row, and moves between rows with the arrow keys', async () => {
    fake.on('GET /api/participants', { status: 200, body: { items: [first, second], nextCursor: null } });
    fake.on('GET /api/participants/p-2', { status: 200, body: aParticipantPage({ id: 'p-2', firstName: 'Blake', lastName: 'Smith' }) });
    render(<App />);
    const rows = rowsOf(await screen.findByRole('table', { name: 'Participants' }));
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1]);

    rows[0].focus();
    fireEvent.keyDown(rows[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1], { key: 'Enter' });

    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-2'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Blake Smith' })).toBeTruthy();
  });

  it('opens a participant when the row is clicked', async () => {
    fake.on('GET /api/participants', { status: 200, body: { items: [first], nextCursor: null } });
    fake.on('GET /api/participants/p-1', { status: 200, body: aParticipantPage({ id: 'p-1' }) });
    render(<App />);
    const [row] = rowsOf(await screen.findByRole('table', { name: 'Participants' }));

    fireEvent.click(within(row).getByText('04/15/1990'));

    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-1'));
  });

  it('searches by name after a short pause', async () => {
    fake.on('GET /api/participants', (req) => ({
      status: 200,
      body: req.query.get('q') === 'smith' ? { items: [second], nextCursor: null } : { items: [first, second], nextCursor: null },
    }));
    render(<App />);
    await screen.findByRole('table', { name: 'Participants' });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name' }), { target: { value: 'smith' } });

    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Participants' }))).toHaveLength(1));
    expect(fake.callsTo('GET /api/participants').at(-1)?.query.get('q')).toBe('smith');
    // Names stay out of the address (and so out of the browser history).
    expect(window.location.hash).toBe('#/participants');
  });

  it('comes back to the last search after opening a participant', async () => {
    fake.on('GET /api/participants', (req) => ({
      status: 200,
      body: req.query.get('q') === 'smith' ? { items: [second], nextCursor: null } : { items: [first, second], nextCursor: null },
    }));
    fake.on('GET /api/participants/p-2', { status: 200, body: aParticipantPage({ id: 'p-2', firstName: 'Blake', lastName: 'Smith' }) });
    render(<App />);
    await screen.findByRole('table', { name: 'Participants' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name' }), { target: { value: 'smith' } });
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Participants' }))).toHaveLength(1));

    fireEvent.keyDown(rowsOf(screen.getByRole('table', { name: 'Participants' }))[0], { key: 'Enter' });
    await screen.findByRole('heading', { level: 1, name: 'Blake Smith' });
    window.location.hash = '#/participants';

    await waitFor(() => expect((screen.getByRole('searchbox', { name: 'Search by name' }) as HTMLInputElement).value).toBe('smith'));
    expect(fake.callsTo('GET /api/participants').at(-1)?.query.get('q')).toBe('smith');
  });

  it('shows an empty state when nobody matches', async () => {
    fake.on('GET /api/participants', { status: 200, body: { items: [], nextCursor: null } });
    window.location.hash = '#/participants?q=zzz';
    render(<App />);

    expect(await screen.findByText(/No participants match/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(fake.callsTo('GET /api/participants')[0].query.get('q')).toBe('zzz');
  });

  it('shows a loading state, then an error with a retry', async () => {
    let answer: (a: { status: number; body: unknown }) => void = () => undefined;
    fake.on('GET /api/participants', () => new Promise((resolve) => (answer = resolve)));
    render(<App />);

    expect(await screen.findByText('Loading participants…')).toBeTruthy();
    await act(async () => answer({ status: 503, body: { statusCode: 503, message: 'Participant search is unavailable' } }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Participant search is unavailable');
    fake.on('GET /api/participants', { status: 200, body: { items: [first], nextCursor: null } });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Participants' })).toBeTruthy();
  });

  it('offers "Register participant" only to roles that may register', async () => {
    fake.on('GET /api/participants', { status: 200, body: { items: [first], nextCursor: null } });
    const jobDeveloper = aUser({ id: 'u-jd', roles: ['job_developer'], displayName: 'Jo Developer' });
    storeSession({ user: jobDeveloper });
    fake.on('GET /api/auth/me', { status: 200, body: jobDeveloper });
    render(<App />);

    await screen.findByRole('table', { name: 'Participants' });
    expect(screen.getByText('Jo Developer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Register participant' })).toBeNull();
  });
});
