import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString, type LogEntry } from '@temporalio/worker';
import { createJourneyActivities } from '@waypoint/journey-activities';
import { JOURNEY_TASK_QUEUE } from '@waypoint/journey-workflows';
import { EventPublisher, HealthService, JsonLogger, namespaced } from '@waypoint/platform';
import type { JourneyConfig } from '../config';
import { bundleJourneyWorkflows } from './workflow-bundle';

export const JOURNEY_CONFIG = Symbol('JOURNEY_CONFIG');

let runtimeInstalled = false;

/** Runs the Temporal worker for the journey task queue inside the journey process. */
@Injectable()
export class JourneyWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(JOURNEY_CONFIG) private readonly config: JourneyConfig,
    private readonly publisher: EventPublisher,
    private readonly logger: JsonLogger,
    private readonly health: HealthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runtimeInstalled) {
      // The SDK's own logs (worker, workflows, core) go through our JSON logger too.
      const temporalLogs = this.logger.child('temporal');
      const forward = ({ level, message, meta }: LogEntry): void => {
        const fields = { ...(meta ?? {}) } as Record<string, unknown>;
        if (level === 'ERROR') temporalLogs.error(message, fields);
        else if (level === 'WARN') temporalLogs.warn(message, fields);
        else if (level === 'INFO') temporalLogs.info(message, fields);
        else temporalLogs.debug(message, fields);
      };
      Runtime.install({
        logger: new DefaultLogger('INFO', forward),
        telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
      });
      runtimeInstalled = true;
    }
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    const workflowBundle = await bundleJourneyWorkflows();
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: namespaced(JOURNEY_TASK_QUEUE),
      workflowBundle,
      activities: createJourneyActivities({ publisher: this.publisher }),
      maxCachedWorkflows: this.config.JOURNEY_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: this.config.JOURNEY_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxConcurrentActivityTaskExecutions: this.config.JOURNEY_MAX_CONCURRENT_ACTIVITIES,
    });
    this.running = this.worker.run().catch((err) => {
      this.logger.error(err as Error, 'journey-worker');
      throw err;
    });
    this.health.register({
      name: 'temporal-worker',
      check: async () => {
        const state = this.worker?.getState();
        if (state !== 'RUNNING') throw new Error(`worker is ${state ?? 'not created'}`);
      },
    });
    this.logger.log(
      `worker polling task queue '${namespaced(JOURNEY_TASK_QUEUE)}' (cache ${this.config.JOURNEY_MAX_CACHED_WORKFLOWS} workflows, ` +
        `${this.config.JOURNEY_MAX_CONCURRENT_WORKFLOW_TASKS} workflow tasks, ${this.config.JOURNEY_MAX_CONCURRENT_ACTIVITIES} activities at once)`,
      'journey-worker',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
