import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { JourneyPhase, ProgramCode } from '@waypoint/contracts';

/** Task queue the journey worker polls. */
export const JOURNEY_TASK_QUEUE = 'journey';

export const journeyWorkflowId = (participantId: string): string => `journey-${participantId}`;

export interface JourneyInput {
  participantId: string;
  /** Carried from the event that started the journey into every event the journey emits. */
  correlationId: string;
}

/** Sent by the bridge for `intake.participant.registered`; `eventId` makes it idempotent. */
export interface ParticipantRegisteredSignal {
  eventId: string;
  correlationId: string;
  office: string;
  programsOfInterest: ProgramCode[];
  registeredAt: string;
}

export interface JourneyHistoryEntry {
  sequence: number;
  phase: JourneyPhase;
  at: string;
  cause: string;
}

export interface JourneyState {
  participantId: string;
  phase: JourneyPhase | null;
  sequence: number;
  office?: string;
  programsOfInterest: ProgramCode[];
  /** Event ids already applied: a redelivered event changes nothing. */
  appliedEventIds: string[];
  history: JourneyHistoryEntry[];
}

export const participantRegisteredSignal = defineSignal<[ParticipantRegisteredSignal]>('participantRegistered');
export const journeyStateQuery = defineQuery<JourneyState>('journeyState');

/** Workflow type name, as exported from ./workflows.ts. */
export const JOURNEY_WORKFLOW_TYPE = 'participantJourney';
