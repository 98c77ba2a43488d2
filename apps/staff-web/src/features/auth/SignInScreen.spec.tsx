import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../app/App';
import { aLoginResponse, aParticipant, reference, resetPage } from '../../testing/builders';
import { FakeFetch, installFakeFetch } from '../../testing/fake-fetch';
import { SESSION_STORAGE_KEY } from './session-store';

describe('sign-in screen', () => {
  let fake: FakeFetch;

  beforeEach(() => {
    resetPage();
    fake = installFakeFetch({
      'GET /api/reference': { status: 200, body: reference },
      'GET /api/participants': { status: 200, body: { items: [aParticipant()], nextCursor: null } },
    });
  });
  afterEach(() => {
    cleanup();
    fake.restore();
  });

  function signIn(username: string, password: string) {
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  }

  it('shows the server message in an alert when the gateway answers 401, and stays signed out', async () => {
    fake.on('POST /api/auth/login', { status: 401, body: { statusCode: 401, message: 'Invalid username or password' } });
    render(<App />);

    signIn('intake.worker', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveProperty('textContent', expect.stringContaining('Invalid username or password'));
    expect(fake.callsTo('POST /api/auth/login')[0].body).toEqual({ username: 'intake.worker', password: 'wrong-password' });
    expect(fake.callsTo('POST /api/auth/login')[0].headers.Authorization).toBeUndefined();
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('asks for both fields before calling the gateway', () => {
    render(<App />);

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your username')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls).toHaveLength(0);
  });

  it('signs in, keeps the token in sessionStorage and shows who is signed in', async () => {
    fake.on('POST /api/auth/login', { status: 200, body: aLoginResponse({ accessToken: 'abc.def' }) });
    render(<App />);

    signIn('intake.worker', 'Waypoint-demo-1');

    const header = await screen.findByRole('banner');
    expect(within(header).getByText('Ines Intake')).toBeTruthy();
    expect(within(header).getByText('Intake worker')).toBeTruthy();
    expect(await within(header).findByText('Downtown AJC')).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').accessToken).toBe('abc.def');

    await screen.findByRole('table', { name: 'Participants' });
    expect(fake.callsTo('GET /api/participants')[0].headers.Authorization).toBe('Bearer abc.def');
  });

  it('signs out on request and says so', async () => {
    fake.on('POST /api/auth/login', { status: 200, body: aLoginResponse() });
    render(<App />);
    signIn('intake.worker', 'Waypoint-demo-1');

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('You have signed out');
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
