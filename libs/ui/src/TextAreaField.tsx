import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { Field, type ValueFieldProps } from './Field';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'>, ValueFieldProps {
  label: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text input. */
export function TextAreaField({ id, label, hint, error, optional, value, onValueChange, className, ref, rows = 3, ...textarea }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <textarea
          {...textarea}
          {...control}
          ref={ref}
          rows={rows}
          className={['wp-input', 'wp-textarea', className].filter(Boolean).join(' ')}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </Field>
  );
}
