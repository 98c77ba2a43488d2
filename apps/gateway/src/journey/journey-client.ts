import { Inject, Injectable, NotFoundException, ServiceUnavailableException, type OnApplicationShutdown } from '@nestjs/common';
import {
  ApplicationFailure,
  Client,
  Connection,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import {
  confirmExitUpdate,
  journeyStateQuery,
  journeyWorkflowId,
  reopenUpdate,
  type ConfirmExitUpdate,
  type JourneyView,
  type ReopenUpdate,
} from '@waypoint/journey-workflows';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** The workflow turned a staff action down (its validator or handler): the reason, for a 422. */
export class JourneyActionRejected extends Error {
  constructor(
    message: string,
    /** The request field the workflow named (ApplicationFailure details `{ field }`), if any. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'JourneyActionRejected';
  }
}

/** How long a read may wait for the workflow to answer (no journey worker running: 503 after this). */
const QUERY_DEADLINE_MS = 5_000;
/**
 * How long an action may wait. An update that the server accepted may still complete after
 * this: the same Idempotency-Key then answers with its result instead of acting twice.
 */
const UPDATE_DEADLINE_MS = 15_000;

/** Which journey, and whether it runs yet (null state: not started). */
export interface LiveJourney {
  workflowId: string;
  state: JourneyView | null;
  error?: string;
}

/**
 * The gateway's line to the journey workflows on Temporal: reads one person's journey
 * (one query, one person) and carries staff actions as validated updates. No journey yet:
 * `read` answers null, the updates 404; Temporal unreachable: 503; an action the workflow
 * turns down: JourneyActionRejected (the controller answers 422).
 */
@Injectable()
export class JourneyClient implements OnApplicationShutdown {
  private client?: Promise<{ client: Client; connection: Connection }>;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  /** The journey's state, or null when it has not started. */
  async read(participantId: string): Promise<JourneyView | null> {
    try {
      return await this.withDeadline(QUERY_DEADLINE_MS, (h) => h.query(journeyStateQuery), participantId);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw this.unavailable(err);
    }
  }

  /** For pages that show the journey beside other data: never throws, says what went wrong instead. */
  async peek(participantId: string): Promise<LiveJourney> {
    const workflowId = journeyWorkflowId(participantId);
    try {
      const state = await this.read(participantId);
      return state ? { workflowId, state } : { workflowId, state: null, error: 'Journey not started yet' };
    } catch (err) {
      return { workflowId, state: null, error: (err as Error).message };
    }
  }

  confirmExit(participantId: string, input: ConfirmExitUpdate): Promise<JourneyView> {
    return this.update(participantId, (h) => h.executeUpdate(confirmExitUpdate, { args: [input], updateId: input.requestId }));
  }

  reopen(participantId: string, input: ReopenUpdate): Promise<JourneyView> {
    return this.update(participantId, (h) => h.executeUpdate(reopenUpdate, { args: [input], updateId: input.requestId }));
  }

  /**
   * Runs an update. Its id is the request id, so a retried request (same Idempotency-Key)
   * gets the first answer from Temporal instead of a second change.
   */
  private async update(participantId: string, run: (h: WorkflowHandle) => Promise<JourneyView>): Promise<JourneyView> {
    try {
      return await this.withDeadline(UPDATE_DEADLINE_MS, run, participantId);
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw rejection(err);
      if (err instanceof WorkflowNotFoundError) throw new NotFoundException(`No running journey for participant ${participantId}`);
      throw this.unavailable(err);
    }
  }

  /** Runs `fn` on the person's workflow handle, giving up (an error: 503) after `ms`. */
  private async withDeadline<T>(ms: number, fn: (h: WorkflowHandle) => Promise<T>, participantId: string): Promise<T> {
    const { client, connection } = await this.connect();
    const handle = client.workflow.getHandle(journeyWorkflowId(participantId));
    return connection.withDeadline(Date.now() + ms, () => fn(handle));
  }

  private unavailable(err: unknown): ServiceUnavailableException {
    // A broken connection is not reused: the next request connects afresh.
    const dropped = this.client;
    this.client = undefined;
    void dropped?.then((c) => c.connection.close()).catch(() => undefined);
    return new ServiceUnavailableException(`The journey service is unavailable: ${(err as Error).message}`);
  }

  private connect(): Promise<{ client: Client; connection: Connection }> {
    this.client ??= (async () => {
      const connection = await Connection.connect({ address: this.config.TEMPORAL_ADDRESS, connectTimeout: 5_000 });
      return { connection, client: new Client({ connection, namespace: this.config.TEMPORAL_NAMESPACE }) };
    })();
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    const c = await this.client?.catch(() => undefined);
    await c?.connection.close();
  }
}

/** The workflow's own words for why it turned the action down (validator or handler failure). */
function rejection(err: WorkflowUpdateFailedError): JourneyActionRejected {
  const cause = err.cause;
  const detail = cause instanceof ApplicationFailure ? (cause.details?.[0] as { field?: unknown } | undefined) : undefined;
  return new JourneyActionRejected(cause?.message || err.message, typeof detail?.field === 'string' ? detail.field : undefined);
}
