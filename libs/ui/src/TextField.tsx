import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Field, type ValueFieldProps } from './Field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>, ValueFieldProps {
  label: ReactNode;
  fieldClassName?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled text-like input (text, email, tel, date, password, search). */
export function TextField({ id, label, hint, error, optional, value, onValueChange, fieldClassName, className, ref, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional} className={fieldClassName}>
      {(control) => (
        <input
          type="text"
          {...input}
          {...control}
          ref={ref}
          className={['wp-input', className].filter(Boolean).join(' ')}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </Field>
  );
}
