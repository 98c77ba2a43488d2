import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export interface TagProps {
  tone?: TagTone;
  children: ReactNode;
  testId?: string;
}

/**
 * A short status word (eligible, open, overdue, likely match). The tone only reinforces
 * the word: the text must carry the meaning on its own.
 */
export function Tag({ tone = 'neutral', children, testId }: TagProps) {
  return (
    <span className={`wp-tag wp-tag--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
