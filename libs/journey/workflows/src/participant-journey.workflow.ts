import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { JOURNEY_PHASES, type JourneyPhase } from '@waypoint/contracts';
import type { JourneyActivities } from './activities';
import {
  journeyStateQuery,
  participantRegisteredSignal,
  type JourneyInput,
  type JourneySnapshot,
  type ParticipantRegisteredSignal,
} from './messages';

const { publishPhaseChanged } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  // Kafka being down is retried until it is back; an event that breaks its contract is a
  // bug that no retry will fix, so it fails the activity at once (and shows in the UI).
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['ContractViolationError'],
  },
});

/**
 * One participant's journey, from intake to 12 months after exit (later phases arrive with
 * their own issues). Started by the bridge with signal-with-start, id `journey-<participantId>`.
 */
export async function participantJourney(input: JourneyInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const state: JourneySnapshot = {
    participantId: input.participantId,
    phase: null,
    sequence: 0,
    programsOfInterest: [],
    appliedEventIds: [],
    history: [],
    enrollments: [],
    services: [],
    lastServiceOn: null,
    lastContactOn: null,
    planSignedAt: null,
    reassessmentDue: {},
    employmentStartOn: null,
    credentials: [],
    openTasks: [],
    taskCounter: 0,
    exitProposal: null,
    exit: null,
    followUpDone: [],
    statusRevision: 0,
    eventCounter: 0,
  };
  const registrations: ParticipantRegisteredSignal[] = [];

  setHandler(journeyStateQuery, () => ({ ...state, asOf: new Date().toISOString(), daysSinceLastService: null, deadlines: [] }));
  setHandler(participantRegisteredSignal, (signal) => {
    if (state.appliedEventIds.includes(signal.eventId)) return;
    state.appliedEventIds.push(signal.eventId);
    registrations.push(signal);
  });

  async function enter(phase: JourneyPhase, cause: ParticipantRegisteredSignal): Promise<void> {
    const previousPhase = state.phase ?? undefined;
    state.sequence += 1;
    state.phase = phase;
    const at = new Date().toISOString(); // workflow time: deterministic on replay
    state.history.push({ sequence: state.sequence, phase, at, cause: cause.eventId });
    await publishPhaseChanged({
      eventId: `${workflowId}:phase:${state.sequence}`,
      correlationId: cause.correlationId,
      causationId: cause.eventId,
      participantId: input.participantId,
      workflowId,
      phase,
      ...(previousPhase ? { previousPhase } : {}),
      sequence: state.sequence,
      changedAt: at,
    });
  }

  await condition(() => registrations.length > 0);
  const registered = registrations[0];
  state.office = registered.office;
  state.programsOfInterest = registered.programsOfInterest;
  await enter(JOURNEY_PHASES[0], registered);

  // Planning, services, placement, exit and follow-up are driven by later events
  // (issues 4 and 5). Until then the journey waits, durably, in intake.
  await condition(() => state.phase === 'closed');
}
