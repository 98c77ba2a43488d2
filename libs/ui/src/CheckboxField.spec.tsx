import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CheckboxField } from './CheckboxField';
import { Tag } from './Tag';
import { TextAreaField } from './TextAreaField';

afterEach(cleanup);

describe('CheckboxField', () => {
  it('ties its error to the checkbox and reports the new state', () => {
    const onCheckedChange = jest.fn();
    render(<CheckboxField id="confirm" label="None of these is the same person" checked={false} onCheckedChange={onCheckedChange} error="Confirm first" />);

    const box = screen.getByLabelText('None of these is the same person');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Error: Confirm first');
    fireEvent.click(box);
    expect(onCheckedChange).toHaveBeenCalledWith(true);
  });
});

describe('TextAreaField', () => {
  it('is a labelled, optional multi-line input that reports typed text', () => {
    const onValueChange = jest.fn();
    render(<TextAreaField id="note" label="Note" hint="Why" value="" onValueChange={onValueChange} optional />);

    const area = screen.getByLabelText(/^Note/);
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('aria-describedby')).toBe('note-hint');
    fireEvent.change(area, { target: { value: 'Different middle name' } });
    expect(onValueChange).toHaveBeenCalledWith('Different middle name');
  });
});

describe('Tag', () => {
  it('shows its word with the tone as a class only', () => {
    render(<Tag tone="error" testId="t">Overdue</Tag>);

    const tag = screen.getByTestId('t');
    expect(tag.textContent).toBe('Overdue');
    expect(tag.className).toBe('wp-tag wp-tag--error');
  });
});
