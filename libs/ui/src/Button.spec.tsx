import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Alert } from './Alert';
import { Button } from './Button';

afterEach(cleanup);

describe('Button', () => {
  it('is a plain button by default, so it never submits a form by accident', () => {
    render(<Button>Refresh</Button>);

    expect(screen.getByRole('button', { name: 'Refresh' }).getAttribute('type')).toBe('button');
  });

  it('keeps its name and focus while busy but ignores clicks', () => {
    const onClick = jest.fn();
    render(
      <Button busy onClick={onClick}>
        Save participant
      </Button>,
    );

    const button = screen.getByRole('button', { name: 'Save participant' });
    fireEvent.click(button);

    expect(onClick).not.toHaveBeenCalled();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
  });
});

describe('Alert', () => {
  it('interrupts for errors and waits politely for information', () => {
    render(
      <>
        <Alert tone="error">Sign-in failed</Alert>
        <Alert tone="success">Saved</Alert>
      </>,
    );

    expect(screen.getByRole('alert').textContent).toBe('Sign-in failed');
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });
});
