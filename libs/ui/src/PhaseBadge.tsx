import type { JourneyPhase } from '@waypoint/contracts';

export interface PhaseBadgeProps {
  phase: JourneyPhase | null;
  /** Rendered as data-testid; the staff web uses `phase-<participantId>`. */
  testId?: string;
}

/** Text shown while the journey has not reported its first phase. */
export const PHASE_PENDING_TEXT = 'starting';

/**
 * The journey phase as a small badge. The text is the phase value itself (`intake`,
 * `follow_up`), the words staff see in reports and events.
 */
export function PhaseBadge({ phase, testId }: PhaseBadgeProps) {
  return (
    <span className={`wp-badge wp-badge--${phase ?? 'pending'}`} data-testid={testId} data-phase={phase ?? ''}>
      {phase ?? PHASE_PENDING_TEXT}
    </span>
  );
}
