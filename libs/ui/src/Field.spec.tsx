import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CheckboxGroup } from './CheckboxGroup';
import { TextField } from './TextField';

afterEach(cleanup);

describe('TextField', () => {
  it('ties the label, hint and error to the input', () => {
    render(<TextField id="dob" label="Date of birth" hint="MM/DD/YYYY" error="Enter the date of birth" value="" onValueChange={() => undefined} />);

    const input = screen.getByLabelText('Date of birth');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('dob-hint dob-error');
    expect(document.getElementById('dob-error')?.textContent).toBe('Error: Enter the date of birth');
  });

  it('is neither invalid nor described when there is nothing to say', () => {
    render(<TextField id="city" label="City" value="" onValueChange={() => undefined} />);

    const input = screen.getByLabelText('City');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('reports typed values', () => {
    const onValueChange = jest.fn();
    render(<TextField id="first" label="First name" value="" onValueChange={onValueChange} />);

    fireEvent.change(screen.getByLabelText('First name'), { target: { value: 'Avery' } });

    expect(onValueChange).toHaveBeenCalledWith('Avery');
  });
});

describe('CheckboxGroup', () => {
  const options = [
    { value: 'A', label: 'Alpha' },
    { value: 'B', label: 'Bravo' },
    { value: 'C', label: 'Charlie' },
  ];

  it('is a labelled group whose values keep the order of the options', () => {
    const onValueChange = jest.fn();
    render(<CheckboxGroup id="p" legend="Programs" options={options} value={['C']} onValueChange={onValueChange} />);

    const group = screen.getByRole('group', { name: 'Programs' });
    fireEvent.click(within(group).getByLabelText('Alpha'));

    expect(onValueChange).toHaveBeenCalledWith(['A', 'C']);
  });

  it('describes the group with its error and marks each box invalid', () => {
    render(<CheckboxGroup id="p" legend="Programs" options={options} value={[]} onValueChange={() => undefined} error="Choose one" />);

    const group = screen.getByRole('group', { name: 'Programs' });
    expect(group.getAttribute('aria-describedby')).toBe('p-error');
    expect(screen.getByLabelText('Bravo').getAttribute('aria-invalid')).toBe('true');
  });
});
