import type { ButtonHTMLAttributes, MouseEvent } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /**
   * Work in progress: the button keeps its name and focus (it is not `disabled`, which
   * would drop keyboard focus) but ignores clicks and says aria-disabled.
   */
  busy?: boolean;
}

export function Button({ variant = 'secondary', busy = false, type = 'button', className, onClick, children, ...rest }: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={['wp-button', `wp-button--${variant}`, busy ? 'wp-button--busy' : '', className].filter(Boolean).join(' ')}
      aria-disabled={busy || rest['aria-disabled'] || undefined}
      onClick={handleClick}
    >
      {busy && <span className="wp-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
