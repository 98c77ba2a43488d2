import type { ReactNode, Ref } from 'react';
import { FieldMessages, fieldMessageIds } from './Field';

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** One checkbox that stands alone (a confirmation), with its hint and error tied to it. */
export function CheckboxField({ id, label, checked, onCheckedChange, hint, error, ref }: CheckboxFieldProps) {
  const { describedBy } = fieldMessageIds(id, { hint, error });
  return (
    <div className={['wp-field', error ? 'wp-field--invalid' : ''].filter(Boolean).join(' ')}>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="wp-checkbox">
        <input
          id={id}
          ref={ref}
          type="checkbox"
          className="wp-checkbox__input"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onCheckedChange(event.target.checked)}
        />
        <label htmlFor={id} className="wp-checkbox__label">
          {label}
        </label>
      </div>
    </div>
  );
}
