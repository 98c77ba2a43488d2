import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { journeyStateQuery, journeyWorkflowId, type JourneyView } from '@waypoint/journey-workflows';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export interface LiveJourney {
  workflowId: string;
  state: JourneyView | null;
  error?: string;
}

/** Reads a participant's journey state live from their workflow (one query, one person). */
@Injectable()
export class JourneyQueryService implements OnApplicationShutdown {
  private client?: Promise<{ client: Client; connection: Connection }>;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async state(participantId: string): Promise<LiveJourney> {
    const workflowId = journeyWorkflowId(participantId);
    try {
      const { client } = await this.connect();
      const state = await client.workflow.getHandle(workflowId).query(journeyStateQuery);
      return { workflowId, state };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return { workflowId, state: null, error: 'Journey not started yet' };
      this.client = undefined;
      return { workflowId, state: null, error: `Journey unavailable: ${(err as Error).message}` };
    }
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
