import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../app/App';
import { aParticipantDetail, aParticipantPage, signedInAt } from '../../testing/builders';
import { FakeFetch } from '../../testing/fake-fetch';
import { registerDraft } from './register-draft.store';

describe('register participant form', () => {
  let fake: FakeFetch;

  beforeEach(() => {
    registerDraft.clear();
    fake = signedInAt('#/participants/new');
  });
  afterEach(() => {
    cleanup();
    fake.restore();
  });

  const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
  const type = (label: string | RegExp, value: string) => fireEvent.change(input(label), { target: { value } });

  async function openForm() {
    render(<App />);
    await screen.findByRole('form', { name: 'Register participant' });
    // Offices come from /api/reference.
    await screen.findByRole('option', { name: 'Downtown AJC' });
  }

  function fillValidAnswers() {
    type('First name', 'Avery');
    type('Last name', 'Jones');
    type('Date of birth', '1990-04-15');
    type(/^E-mail/, 'avery@example.org');
    fireEvent.click(screen.getByLabelText('WIOA Adult'));
  }

  const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save participant' }));

  it('shows the error next to a date of birth the schema rejects and does not submit', async () => {
    await openForm();
    fillValidAnswers();
    type('Date of birth', '1890-01-01');

    save();

    const dob = input('Date of birth');
    expect(dob.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (dob.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages.join(' ')).toContain('Date of birth must give an age between 14 and 110');
    // Only the bad field is marked.
    expect(input('First name').getAttribute('aria-invalid')).toBeNull();
    // The summary at the top links to the field.
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Date of birth must give an age between 14 and 110' })).toBeTruthy();
    expect(fake.callsTo('POST /api/participants')).toHaveLength(0);
  });

  it('checks every field with the shared schema before the first request', async () => {
    await openForm();

    save();

    expect(screen.getAllByText('First name is required').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Enter the date of birth').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Choose at least one program of interest').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Give an e-mail address or a phone number so the participant can be reached').length).toBeGreaterThan(0);
    expect(fake.callsTo('POST /api/participants')).toHaveLength(0);

    // Messages follow the answers once corrected.
    type('First name', 'Avery');
    expect(input('First name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryAllByText('First name is required')).toHaveLength(0);
  });

  it('shows the gateway 400 field errors next to the fields they name', async () => {
    fake.on('POST /api/participants', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [
          { field: 'address.postalCode', message: 'ZIP code is not served by this office' },
          { field: 'programsOfInterest.0', message: 'Program is closed to new enrolments' },
        ],
      },
    });
    await openForm();
    fillValidAnswers();
    type('Street address', '1 Main St');
    type('City', 'Columbus');
    type('State', 'oh');
    type('ZIP code', '43215');

    save();

    await screen.findAllByText('ZIP code is not served by this office');
    const zip = input('ZIP code');
    expect(zip.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(zip.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'ZIP code is not served by this office',
    );
    const programs = screen.getByRole('group', { name: 'Programs of interest' });
    expect(within(programs).getByText('Program is closed to new enrolments')).toBeTruthy();

    const [post] = fake.callsTo('POST /api/participants');
    expect(post.body).toEqual({
      firstName: 'Avery',
      lastName: 'Jones',
      dateOfBirth: '1990-04-15',
      email: 'avery@example.org',
      address: { line1: '1 Main St', city: 'Columbus', state: 'OH', postalCode: '43215' },
      office: 'DTW',
      programsOfInterest: ['WIOA_ADULT'],
    });
    expect(post.headers.Authorization).toBe('Bearer stored-token');
  });

  it('opens the new participant page after a successful save', async () => {
    fake.on('POST /api/participants', { status: 201, body: aParticipantDetail({ id: 'p-77' }) });
    fake.on('GET /api/participants/p-77', { status: 200, body: aParticipantPage({ id: 'p-77' }) });
    await openForm();
    fillValidAnswers();

    save();

    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-77'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Avery Jones' })).toBeTruthy();
    expect(screen.getByText('Avery Jones is registered.')).toBeTruthy();
    expect((await screen.findByTestId('phase-p-77')).textContent).toBe('intake');
  });

  it('retries a failed save with the same idempotency key, so the person is never registered twice', async () => {
    fake.on('POST /api/participants', { status: 502, body: { statusCode: 502, message: 'Service unavailable' } });
    await openForm();
    fillValidAnswers();

    save();
    await screen.findByRole('alert');
    fake.on('POST /api/participants', { status: 200, body: aParticipantDetail({ id: 'p-88' }) });
    fake.on('GET /api/participants/p-88', { status: 200, body: aParticipantPage({ id: 'p-88' }) });
    save();

    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-88'));
    const posts = fake.callsTo('POST /api/participants');
    expect(posts).toHaveLength(2);
    expect(posts[0].headers['Idempotency-Key']).toMatch(/^[A-Za-z0-9-]{8,128}$/);
    expect(posts[1].headers['Idempotency-Key']).toBe(posts[0].headers['Idempotency-Key']);
  });

  it('says so when the role is refused by the gateway (403)', async () => {
    fake.on('POST /api/participants', { status: 403, body: { statusCode: 403, message: 'Forbidden resource' } });
    await openForm();
    fillValidAnswers();

    save();

    expect((await screen.findByRole('alert')).textContent).toContain('Your role does not allow registering participants');
    expect(window.location.hash).toBe('#/participants/new');
  });
});
