import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../app/App';
import { aDuplicateCandidate, aDuplicateConflict, aParticipantDetail, aParticipantPage, signedInAt } from '../../testing/builders';
import { FakeFetch } from '../../testing/fake-fetch';
import { registerDraft } from './register-draft.store';
import { DUPLICATE_CHECK_DEBOUNCE_MS } from './useDuplicateCheck';

const CHECK = 'POST /api/participants/duplicate-check';
const REGISTER = 'POST /api/participants';

describe('register participant: search before create', () => {
  let fake: FakeFetch;

  beforeEach(() => {
    registerDraft.clear();
    fake = signedInAt('#/participants/new');
    fake.on('GET /api/participants/p-9', { status: 200, body: aParticipantPage({ id: 'p-9', firstName: 'Avery', lastName: 'Jones' }) });
  });
  afterEach(() => {
    cleanup();
    fake.restore();
  });

  const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
  const type = (label: string | RegExp, value: string) => fireEvent.change(input(label), { target: { value } });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save participant' }));

  async function openForm() {
    render(<App />);
    await screen.findByRole('form', { name: 'Register participant' });
    await screen.findByRole('option', { name: 'Downtown AJC' });
  }

  function fillPerson() {
    type('First name', 'Avery');
    type('Last name', 'Jones');
    type('Date of birth', '1990-04-15');
  }

  function fillRest() {
    type(/^E-mail/, 'avery@example.org');
    fireEvent.click(screen.getByLabelText('WIOA Adult'));
  }

  const candidatesSection = () => screen.getByRole('region', { name: 'Already on file?' });

  it('shows the people already on file, with score, level, reasons and the link to their record', async () => {
    fake.on(CHECK, { status: 200, body: { candidates: [aDuplicateCandidate()], reviewRequiredFor: ['p-9'] } });
    await openForm();
    expect(within(candidatesSection()).getByText(/Enter the first name, last name and date of birth/)).toBeTruthy();

    fillPerson();

    const name = await within(candidatesSection()).findByRole('heading', { level: 3, name: 'Avery Jones' });
    const candidate = name.closest('li') as HTMLElement;
    expect(within(candidate).getByTestId('match-score-p-9').textContent).toBe('Score 85 of 100');
    expect(within(candidate).getByTestId('match-level-p-9').textContent).toBe('Likely match');
    expect(within(candidate).getByText('Same name and date of birth')).toBeTruthy();
    expect(within(candidate).getByText(/Born/).textContent).toContain('04/15/1990 · Eastside AJC');
    // Announced politely as it changes.
    expect(name.closest('[aria-live="polite"]')).toBeTruthy();
    expect(fake.callsTo(CHECK)).toHaveLength(1);
    expect(fake.callsTo(CHECK)[0].body).toEqual({ firstName: 'Avery', lastName: 'Jones', dateOfBirth: '1990-04-15' });

    // LINK: go to the existing person instead of creating a second record.
    fireEvent.click(within(candidate).getByRole('link', { name: /^Open this record/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-9'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Avery Jones' })).toBeTruthy();
    expect(fake.callsTo(REGISTER)).toHaveLength(0);
  });

  it('searches once the answers settle, adds a valid phone and SSN, and drops answers that are superseded', async () => {
    let releaseFirst: () => void = () => undefined;
    fake.on(CHECK, (request) => {
      const body = request.body as { phone?: string };
      if (!body.phone) {
        // The first search is slow; by the time it answers the worker has typed a phone number.
        return new Promise((resolve) => {
          releaseFirst = () => resolve({ status: 200, body: { candidates: [aDuplicateCandidate({ id: 'p-old', firstName: 'Stale' })], reviewRequiredFor: [] } });
        });
      }
      return { status: 200, body: { candidates: [aDuplicateCandidate({ id: 'p-new', firstName: 'Fresh' })], reviewRequiredFor: [] } };
    });
    await openForm();

    fillPerson();
    type(/^Social Security number/, '123-45');
    await waitFor(() => expect(fake.callsTo(CHECK)).toHaveLength(1));
    // Three quick changes, one search; a half-typed SSN is not sent.
    type(/^Phone/, '(614) 555-01');
    type(/^Phone/, '(614) 555-010');
    type(/^Phone/, '(614) 555-0100');
    type(/^Social Security number/, '123-45-6789');
    await waitFor(() => expect(fake.callsTo(CHECK)).toHaveLength(2), { timeout: DUPLICATE_CHECK_DEBOUNCE_MS + 2000 });
    releaseFirst();

    await within(candidatesSection()).findByRole('heading', { level: 3, name: 'Fresh Jones' });
    await sleep(DUPLICATE_CHECK_DEBOUNCE_MS + 100);
    expect(within(candidatesSection()).queryByText('Stale Jones')).toBeNull();
    const checks = fake.callsTo(CHECK);
    expect(checks).toHaveLength(2);
    expect(checks[0].body).toEqual({ firstName: 'Avery', lastName: 'Jones', dateOfBirth: '1990-04-15' });
    expect(checks[1].body).toEqual({
      firstName: 'Avery',
      lastName: 'Jones',
      dateOfBirth: '1990-04-15',
      ssn: '123-45-6789',
      phone: '(614) 555-0100',
    });
  });

  it('on a 409 possible-duplicate asks for confirmation, then resends the same request with the review and the same key', async () => {
    fake.on(CHECK, { status: 200, body: { candidates: [], reviewRequiredFor: [] } });
    fake.on(REGISTER, { status: 409, body: aDuplicateConflict() });
    await openForm();
    fillPerson();
    type(/^Social Security number/, '123-45-6789');
    fillRest();
    await within(candidatesSection()).findByText('No one on file matches these answers.');

    save();

    const conflict = await screen.findByRole('region', { name: 'This person may already be on file' });
    await waitFor(() => expect(document.activeElement).toBe(conflict));
    expect(within(conflict).getByTestId('match-score-p-9').textContent).toBe('Score 85 of 100');
    expect(within(conflict).getByRole('link', { name: /^Open this record/ }).getAttribute('href')).toBe('#/participants/p-9');
    expect(screen.queryByRole('region', { name: 'Already on file?' })).toBeNull();

    // Saving again without the confirmation sends nothing.
    save();
    expect((await within(conflict).findAllByText(/confirm that none of them is this person/)).length).toBeGreaterThan(0);
    expect(input('None of these is the same person').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo(REGISTER)).toHaveLength(1);

    fireEvent.click(input('None of these is the same person'));
    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: ' Different middle name ' } });
    fake.on(REGISTER, { status: 201, body: aParticipantDetail({ id: 'p-77' }) });
    fake.on('GET /api/participants/p-77', { status: 200, body: aParticipantPage({ id: 'p-77' }) });
    save();

    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-77'));
    const [first, second] = fake.callsTo(REGISTER);
    expect(first.body).toEqual({
      firstName: 'Avery',
      lastName: 'Jones',
      dateOfBirth: '1990-04-15',
      ssn: '123-45-6789',
      email: 'avery@example.org',
      office: 'DTW',
      programsOfInterest: ['WIOA_ADULT'],
    });
    expect(second.body).toEqual({
      ...(first.body as object),
      duplicateReview: { confirmedNotDuplicate: true, reviewedCandidateIds: ['p-9'], note: 'Different middle name' },
    });
    expect(second.headers['Idempotency-Key']).toBe(first.headers['Idempotency-Key']);
  });

  it('forgets the 409 candidates when the person being registered changes', async () => {
    fake.on(CHECK, { status: 200, body: { candidates: [], reviewRequiredFor: [] } });
    fake.on(REGISTER, { status: 409, body: aDuplicateConflict() });
    await openForm();
    fillPerson();
    fillRest();
    save();
    await screen.findByRole('region', { name: 'This person may already be on file' });

    type('Last name', 'Jonas');

    expect(screen.queryByRole('region', { name: 'This person may already be on file' })).toBeNull();
    fake.on(REGISTER, { status: 201, body: aParticipantDetail({ id: 'p-78' }) });
    fake.on('GET /api/participants/p-78', { status: 200, body: aParticipantPage({ id: 'p-78' }) });
    save();
    await waitFor(() => expect(window.location.hash).toBe('#/participants/p-78'));
    expect(fake.callsTo(REGISTER)[1].body).not.toHaveProperty('duplicateReview');
  });

  it('never keeps the SSN in the draft saved when the session expires', async () => {
    fake.on(CHECK, { status: 200, body: { candidates: [], reviewRequiredFor: [] } });
    fake.on(REGISTER, { status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    await openForm();
    fillPerson();
    type(/^Social Security number/, '123-45-6789');
    fillRest();

    save();

    await screen.findByRole('button', { name: 'Sign in' });
    const draft = registerDraft.take('u-intake');
    expect(draft).toMatchObject({ firstName: 'Avery', lastName: 'Jones' });
    expect(JSON.stringify(draft)).not.toContain('6789');
  });

  it('offers the SSN as an optional numeric field that browsers do not fill or remember', async () => {
    fake.on(CHECK, { status: 200, body: { candidates: [], reviewRequiredFor: [] } });
    await openForm();

    const ssn = input(/^Social Security number/);
    expect(ssn.type).toBe('text');
    expect(ssn.getAttribute('inputmode')).toBe('numeric');
    expect(ssn.getAttribute('autocomplete')).toBe('off');
    expect(screen.getByText('(optional)', { selector: 'label[for="ssn"] *' })).toBeTruthy();

    fillPerson();
    fillRest();
    type(/^Social Security number/, '12-345');
    save();
    expect((await screen.findAllByText('An SSN has 9 digits, e.g. 123-45-6789')).length).toBeGreaterThan(0);
    expect(ssn.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo(REGISTER)).toHaveLength(0);
  });
});
