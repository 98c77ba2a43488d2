import type { ReactNode } from 'react';

/** The attributes a form control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/** What every labelled single-value control takes: its value, label, hint and error. */
export interface ValueFieldProps<V = string> {
  id: string;
  label: ReactNode;
  value: V;
  onValueChange: (value: V) => void;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shows "(optional)" after the label; required is the default in our forms. */
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** Ids of the hint and error elements that belong to the control `id`, and the
 * aria-describedby value that points at those present. */
export function fieldMessageIds(
  id: string,
  present: { hint?: unknown; error?: unknown } = {},
): { hintId: string; errorId: string; describedBy: string | undefined } {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [present.hint ? hintId : null, present.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

/** The hint and error paragraphs of a field or fieldset, with the ids its control points at. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  const { hintId, errorId } = fieldMessageIds(id);
  return (
    <>
      {hint && (
        <p id={hintId} className="wp-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="wp-field__error">
          <span className="wp-visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

/**
 * Label, hint, error message and one control. The control gets aria-invalid and an
 * aria-describedby that points at the hint and at the error, so a screen reader reads
 * the message when the control takes focus.
 */
export function Field({ id, label, hint, error, optional, className, children }: FieldProps) {
  const { describedBy } = fieldMessageIds(id, { hint, error });
  return (
    <div className={['wp-field', error ? 'wp-field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="wp-field__label" htmlFor={id}>
        {label}
        {optional && <span className="wp-field__optional"> (optional)</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}
