import { allHandlersFinished, condition, makeContinueAsNewFunc, setHandler, workflowInfo } from '@temporalio/workflow';
import { JOURNEY_PHASES, type JourneyPhase } from '@waypoint/contracts';
import { journeyActivities } from '../journey-activities.proxy';
import { emptyJourney } from '../journey-machine';
import { receiveCaseworkSignals } from '../journey-signals';
import {
  confirmExitUpdate,
  JOURNEY_WORKFLOW_TYPE,
  journeyStateQuery,
  participantRegisteredSignal,
  reopenUpdate,
  type JourneyInput,
  type JourneyMessage,
  type JourneySnapshot,
  type ParticipantRegisteredSignal,
} from '../messages';
import type { participantJourney } from '../participant-journey.workflow';

const { publishPhaseChanged } = journeyActivities;

/**
 * Version 1 of the journey (registration → intake, then a wait), kept so journeys started
 * before version 2 replay unchanged: the commands it issues (one activity) and their order
 * are exactly v1's. What it adds issues no command until a new event arrives: handlers for
 * every signal of version 2, and then, instead of waiting in intake for ever, a
 * continue-as-new into version 2 carrying the journey so far and the unapplied signals.
 * Staff actions (updates) are refused until then: a v1 journey is in intake, where there is
 * no exit to confirm and nothing to reopen.
 */
export async function participantJourneyV1(input: JourneyInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const state: JourneySnapshot = emptyJourney(input.participantId);
  const registrations: ParticipantRegisteredSignal[] = [];
  /** Signals v1 does not apply: version 2 will, after the continue-as-new. */
  const pending: JourneyMessage[] = [];

  setHandler(journeyStateQuery, () => ({ ...state, asOf: new Date().toISOString(), daysSinceLastService: null, deadlines: [] }));
  setHandler(participantRegisteredSignal, (signal) => {
    if (state.appliedEventIds.includes(signal.eventId)) return;
    if (state.phase !== null) {
      pending.push({ signal: 'participantRegistered', payload: signal });
      return;
    }
    state.appliedEventIds.push(signal.eventId);
    registrations.push(signal);
  });
  receiveCaseworkSignals((message) => pending.push(message));
  const refuse = (_update: unknown): never => {
    throw new Error('This journey is in intake on the previous workflow version: nothing to confirm or reopen yet');
  };
  setHandler(confirmExitUpdate, async (update) => refuse(update), { validator: refuse });
  setHandler(reopenUpdate, async (update) => refuse(update), { validator: refuse });

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

  // v1 waited here for ever; now the next event moves the journey to version 2.
  await condition(() => state.phase === 'closed' || pending.length > 0);
  await condition(allHandlersFinished);
  // Named explicitly so a test that starts this function under a type of its own still lands in version 2.
  const continueAsVersion2 = makeContinueAsNewFunc<typeof participantJourney>({ workflowType: JOURNEY_WORKFLOW_TYPE });
  await continueAsVersion2({ ...input, carried: state, pending });
}
