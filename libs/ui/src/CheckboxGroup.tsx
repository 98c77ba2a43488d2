import type { ReactNode } from 'react';
import { FieldMessages, fieldMessageIds } from './Field';

export interface CheckboxOption {
  value: string;
  label: string;
}

export interface CheckboxGroupProps {
  /** Id of the group; each checkbox gets `<id>-<value>`. */
  id: string;
  legend: ReactNode;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onValueChange: (value: string[]) => void;
  hint?: ReactNode;
  error?: string;
}

/** A fieldset of checkboxes with one legend, one hint and one error for the group. */
export function CheckboxGroup({ id, legend, options, value, onValueChange, hint, error }: CheckboxGroupProps) {
  const { describedBy } = fieldMessageIds(id, { hint, error });
  const toggle = (code: string, checked: boolean) => {
    const next = checked ? [...value.filter((v) => v !== code), code] : value.filter((v) => v !== code);
    // Keep the order of the options, so the request does not depend on click order.
    onValueChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={['wp-fieldset', 'wp-checkboxes', error ? 'wp-field--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy}
    >
      <legend className="wp-fieldset__legend">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="wp-checkboxes__items">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="wp-checkbox" key={option.value}>
              <input
                id={optionId}
                type="checkbox"
                className="wp-checkbox__input"
                value={option.value}
                checked={value.includes(option.value)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId} className="wp-checkbox__label">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
