import { cleanup, render, screen } from '@testing-library/react';
import { PhaseBadge } from './PhaseBadge';

afterEach(cleanup);

describe('PhaseBadge', () => {
  it.each(['intake', 'planning', 'follow_up'] as const)('shows the phase value %p as its text', (phase) => {
    render(<PhaseBadge phase={phase} testId="phase-p-1" />);

    expect(screen.getByTestId('phase-p-1').textContent).toBe(phase);
  });

  it('never shows a phase before the journey reports one', () => {
    render(<PhaseBadge phase={null} testId="phase-p-1" />);

    expect(screen.getByTestId('phase-p-1').textContent).toBe('starting');
  });
});
