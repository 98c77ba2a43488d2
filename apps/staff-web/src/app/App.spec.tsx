import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SESSION_STORAGE_KEY } from '../features/auth/session-store';
import { aLoginResponse, aParticipant, aUser, reference, resetPage, storeSession } from '../testing/builders';
import { FakeFetch, installFakeFetch } from '../testing/fake-fetch';
import { App } from './App';

describe('session expiry', () => {
  let fake: FakeFetch;

  beforeEach(() => {
    resetPage();
    fake = installFakeFetch({
      'GET /api/reference': { status: 200, body: reference },
      'POST /api/auth/login': { status: 200, body: aLoginResponse() },
    });
  });
  afterEach(() => {
    cleanup();
    fake.restore();
  });

  it('returns to sign-in with "Your session has expired" when a later call answers 401', async () => {
    fake.on('GET /api/participants', (req) =>
      req.query.get('cursor')
        ? { status: 401, body: { statusCode: 401, message: 'Unauthorized' } }
        : { status: 200, body: { items: [aParticipant()], nextCursor: 'c-2' } },
    );
    render(<App />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'intake.worker' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Waypoint-demo-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('table', { name: 'Participants' });
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Your session has expired');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('checks a stored session with /auth/me after a reload, and ends it on 401', async () => {
    storeSession({ accessToken: 'revoked' });
    fake.on('GET /api/auth/me', { status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    fake.on('GET /api/participants', { status: 200, body: { items: [], nextCursor: null } });
    render(<App />);

    expect((await screen.findByRole('alert')).textContent).toContain('Your session has expired');
    expect(fake.callsTo('GET /api/auth/me')[0].headers.Authorization).toBe('Bearer revoked');
  });

  it('does not even try a stored token whose lifetime is over', () => {
    storeSession({ expiresAt: Date.now() - 1000 });
    render(<App />);

    expect(screen.getByRole('alert').textContent).toContain('Your session has expired');
    expect(fake.calls).toHaveLength(0);
  });

  it('keeps an unsaved registration when the session expires on save, for the same user only', async () => {
    storeSession();
    window.location.hash = '#/participants/new';
    fake.on('GET /api/auth/me', { status: 200, body: aUser() });
    fake.on('POST /api/participants', { status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    render(<App />);
    await screen.findByRole('option', { name: 'Downtown AJC' });
    fireEvent.change(screen.getByLabelText('First name'), { target: { value: 'Avery' } });
    fireEvent.change(screen.getByLabelText('Last name'), { target: { value: 'Jones' } });
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1990-04-15' } });
    fireEvent.change(screen.getByLabelText(/^Phone/), { target: { value: '614-555-0100' } });
    fireEvent.click(screen.getByLabelText('WIOA Adult'));
    fireEvent.click(screen.getByRole('button', { name: 'Save participant' }));
    await screen.findByRole('button', { name: 'Sign in' });

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'intake.worker' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Waypoint-demo-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByText(/Your unsaved registration was kept/);
    await waitFor(() => expect((screen.getByLabelText('First name') as HTMLInputElement).value).toBe('Avery'));
    expect((screen.getByLabelText(/^Phone/) as HTMLInputElement).value).toBe('614-555-0100');
  });
});
