import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

export interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  /** Extra controls (for example a "Try again" button) shown under the message. */
  actions?: ReactNode;
  id?: string;
  className?: string;
}

/**
 * A message box. Errors and warnings use role=alert (announced at once); info and
 * success use role=status (announced politely).
 */
export function Alert({ tone = 'info', title, children, actions, id, className }: AlertProps) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div id={id} role={role} className={['wp-alert', `wp-alert--${tone}`, className].filter(Boolean).join(' ')}>
      {title && <p className="wp-alert__title">{title}</p>}
      {children && <div className="wp-alert__body">{children}</div>}
      {actions && <div className="wp-alert__actions">{actions}</div>}
    </div>
  );
}
