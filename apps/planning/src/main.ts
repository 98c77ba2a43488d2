import 'reflect-metadata';
import { bootstrapHttpService, JsonLogger } from '@waypoint/platform';
import { PlanningAppModule } from './app.module';
import { loadPlanningConfig } from './config';

async function main(): Promise<void> {
  const config = loadPlanningConfig();
  const logger = new JsonLogger('planning', config.LOG_LEVEL);
  await bootstrapHttpService(PlanningAppModule.register(config, logger), { port: config.PLANNING_PORT, logger });
}

main().catch((err) => {
  process.stderr.write(`planning failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
