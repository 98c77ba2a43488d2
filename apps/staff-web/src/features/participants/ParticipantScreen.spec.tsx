import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../app/App';
import { aParticipantPage, signedInAt } from '../../testing/builders';
import { FakeFetch } from '../../testing/fake-fetch';
import { POLL_INTERVAL_MS, POLL_LIMIT_MS } from './useParticipantPage';

describe('participant page', () => {
  let fake: FakeFetch;

  beforeEach(() => {
    jest.useFakeTimers();
    fake = signedInAt('#/participants/p-5');
  });
  afterEach(() => {
    cleanup();
    fake.restore();
    jest.useRealTimers();
  });

  const advance = (ms: number) => act(async () => void (await jest.advanceTimersByTimeAsync(ms)));
  /** Second by second, so React renders (and schedules the next poll) in between. */
  const advanceSeconds = async (seconds: number) => {
    for (let i = 0; i < seconds; i++) await advance(1000);
  };

  it('shows the details and the live phase', async () => {
    fake.on('GET /api/participants/p-5', {
      status: 200,
      body: aParticipantPage(
        { id: 'p-5', firstName: 'Dana', lastName: 'Lee', phone: '(614) 555-0100', address: { line1: '1 Main St', city: 'Columbus', state: 'OH', postalCode: '43215' } },
        { phase: 'planning', live: true },
      ),
    });
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Dana Lee' })).toBeTruthy();
    expect(screen.getByTestId('phase-p-5').textContent).toBe('planning');
    expect(screen.getByText('Live from the journey workflow')).toBeTruthy();
    expect(screen.getByText('(614) 555-0100')).toBeTruthy();
    expect(screen.getByText(/Columbus, OH 43215/)).toBeTruthy();
  });

  it('polls every second while the journey is starting, and shows the phase when it arrives', async () => {
    let answers = 0;
    fake.on('GET /api/participants/p-5', () => {
      answers += 1;
      return { status: 200, body: aParticipantPage({ id: 'p-5' }, { phase: answers < 3 ? null : 'intake' }) };
    });
    render(<App />);

    expect(await screen.findByText('Starting journey…')).toBeTruthy();
    expect(screen.queryByTestId('phase-p-5')).toBeNull();
    await advance(POLL_INTERVAL_MS);
    expect(answers).toBe(2);
    expect(screen.getByText('Starting journey…')).toBeTruthy();
    await advance(POLL_INTERVAL_MS);

    expect(answers).toBe(3);
    expect(screen.getByTestId('phase-p-5').textContent).toBe('intake');
    await advanceSeconds(5);
    expect(answers).toBe(3); // stops once the phase is known
  });

  it('stops polling after 15 seconds and lets the user refresh', async () => {
    fake.on('GET /api/participants/p-5', { status: 200, body: aParticipantPage({ id: 'p-5' }, { phase: null }) });
    render(<App />);
    await screen.findByText('Starting journey…');

    await advanceSeconds((POLL_LIMIT_MS + 2 * POLL_INTERVAL_MS) / 1000);
    const calls = fake.callsTo('GET /api/participants/p-5').length;
    expect(calls).toBeGreaterThanOrEqual(14);
    expect(calls).toBeLessThanOrEqual(16);
    expect(screen.getByText(/has not reported a phase after 15 seconds/)).toBeTruthy();
    await advanceSeconds(5);
    expect(fake.callsTo('GET /api/participants/p-5')).toHaveLength(calls);

    fake.on('GET /api/participants/p-5', { status: 200, body: aParticipantPage({ id: 'p-5' }, { phase: 'intake' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await advance(0);
    expect(screen.getByTestId('phase-p-5').textContent).toBe('intake');
  });

  it('says when the participant does not exist', async () => {
    fake.on('GET /api/participants/p-5', { status: 404, body: { statusCode: 404, message: 'Participant not found' } });
    render(<App />);

    expect((await screen.findByRole('alert')).textContent).toContain('No such participant');
  });
});
