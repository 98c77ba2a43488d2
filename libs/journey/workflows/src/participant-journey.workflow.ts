import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { startOfDayMs } from '@waypoint/journey-domain';
import { emptyJourney, JourneyMachine, JourneyRuleViolation } from './journey-machine';
import { journeyActivities } from './journey-activities.proxy';
import { participantJourneyV1 } from './legacy/journey-v1';
import { receiveCaseworkSignals } from './journey-signals';
import {
  confirmExitUpdate,
  journeyStateQuery,
  participantRegisteredSignal,
  reopenUpdate,
  type ConfirmExitUpdate,
  type JourneyInput,
  type JourneyMessage,
  type JourneyView,
  type ReopenUpdate,
} from './messages';

const { publishPhaseChanged, publishJourneyEvents } = journeyActivities;

/**
 * Versioning rule: journeys run for years, so every change to what this workflow does
 * (which commands, in which order) is guarded by `patched('<id>')` and the previous code path
 * is kept until no running journey can still need it; each path has a saved history in
 * __fixtures__ that the replay test runs. `journey-v2` marks this version: histories
 * recorded by version 1 (no marker) run `participantJourneyV1`, which moves on to version 2
 * by continue-as-new at its next event. Once no version-1 journey is open, replace the check
 * with `deprecatePatch('journey-v2')`, and later remove both.
 */
export const JOURNEY_V2_PATCH = 'journey-v2';

/** Continue-as-new when the history holds this many events (unless the server suggests it first). */
export const DEFAULT_HISTORY_LIMIT = 2_000;

/**
 * An event that breaks its contract is a bug no retry fixes (the activity is not retried).
 * It must not end a journey that runs for years: the failure is logged (and stays visible
 * on the failed activity in the history) and the journey goes on. Any other failure still
 * fails the step, as it should.
 */
async function survivingContractViolation(publish: () => Promise<void>, firstEventId: string): Promise<void> {
  try {
    await publish();
  } catch (err) {
    const cause = err instanceof ActivityFailure ? err.cause : undefined;
    if (!(cause instanceof ApplicationFailure) || cause.type !== 'ContractViolationError') throw err;
    log.error('journey event not published: it breaks its contract', { firstEventId, error: cause.message });
  }
}

type Queued =
  | { kind: 'signal'; message: JourneyMessage }
  | { kind: 'confirmExit' | 'reopen'; update: ConfirmExitUpdate | ReopenUpdate; answer?: JourneyView; problem?: string };

/**
 * One participant's journey, from intake through exit and 12 months of follow-up. Started by
 * the bridge with signal-with-start, id `journey-<participantId>`; every domain event arrives
 * as a signal, staff actions as updates; every wait is one durable timer to the soonest
 * deadline.
 */
export async function participantJourney(input: JourneyInput): Promise<void> {
  if (!patched(JOURNEY_V2_PATCH)) return participantJourneyV1(input);
  return participantJourneyV2(input);
}

async function participantJourneyV2(input: JourneyInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const machine = new JourneyMachine(input.carried ?? emptyJourney(input.participantId), {
    workflowId,
    correlationId: input.correlationId,
  });
  const queue: Queued[] = (input.pending ?? []).map((message) => ({ kind: 'signal', message }));
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;

  const receive = (message: JourneyMessage): void => {
    queue.push({ kind: 'signal', message });
  };
  setHandler(participantRegisteredSignal, (payload) => receive({ signal: 'participantRegistered', payload }));
  receiveCaseworkSignals(receive);
  setHandler(journeyStateQuery, () => machine.view(new Date()));

  /** Staff actions wait their turn in the main loop (one step at a time) and answer with the new state. */
  async function act(kind: 'confirmExit' | 'reopen', update: ConfirmExitUpdate | ReopenUpdate): Promise<JourneyView> {
    const item: Queued = { kind, update };
    queue.push(item);
    await condition(() => item.answer !== undefined || item.problem !== undefined);
    if (item.problem !== undefined) throw ApplicationFailure.nonRetryable(item.problem, 'JourneyRuleViolation');
    return item.answer as JourneyView;
  }
  /** A validator runs before the update is accepted: a refusal leaves nothing in the history. */
  const validate = (problem: string | null): void => {
    if (problem) throw new JourneyRuleViolation(problem);
  };
  setHandler(confirmExitUpdate, (update) => act('confirmExit', update), {
    validator: (update) => validate(machine.asOf(new Date()).confirmExitProblem(update)),
  });
  setHandler(reopenUpdate, (update) => act('reopen', update), {
    validator: (update) => validate(machine.asOf(new Date()).reopenProblem(update)),
  });

  const historyFull = (): boolean => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= historyLimit;
  };

  // A new journey waits for its first event; a continued one resumes where it left off.
  let first = input.carried === undefined;
  for (;;) {
    if (!first && queue.length === 0) {
      const wakeOn = machine.nextWakeOn();
      const ready = () => queue.length > 0 || (historyFull() && allHandlersFinished());
      if (wakeOn === null) await condition(ready);
      else {
        const ms = startOfDayMs(wakeOn) - Date.now();
        if (ms > 0) await condition(ready, ms);
      }
    }
    if (first) {
      await condition(() => queue.length > 0);
      first = false;
    }

    // One step: apply what arrived, in arrival order, then fire what is due.
    machine.begin(new Date());
    const step = queue.splice(0);
    for (const item of step) {
      if (item.kind === 'signal') machine.apply(item.message);
      else {
        try {
          if (item.kind === 'confirmExit') machine.confirmExit(item.update as ConfirmExitUpdate);
          else machine.reopen(item.update as ReopenUpdate);
        } catch (err) {
          if (!(err instanceof JourneyRuleViolation)) throw err;
          item.problem = err.message;
        }
      }
    }
    machine.tick();
    const { phaseChanges, events } = machine.end();
    for (const change of phaseChanges) await survivingContractViolation(() => publishPhaseChanged(change), change.eventId);
    if (events.length > 0) await survivingContractViolation(() => publishJourneyEvents(events), events[0].eventId);
    const view = machine.view(new Date());
    for (const item of step) if (item.kind !== 'signal' && item.problem === undefined) item.answer = view;

    if (machine.state.phase === 'closed') {
      await condition(allHandlersFinished);
      return;
    }
    if (historyFull() && queue.length === 0) {
      await condition(() => allHandlersFinished() || queue.length > 0);
      if (queue.length === 0) {
        await continueAsNew<typeof participantJourney>({
          participantId: input.participantId,
          correlationId: input.correlationId,
          carried: machine.state,
          ...(input.historyLimit ? { historyLimit: input.historyLimit } : {}),
        });
      }
    }
  }
}
