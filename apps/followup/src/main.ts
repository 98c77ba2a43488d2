import 'reflect-metadata';
import { bootstrapHttpService, JsonLogger } from '@waypoint/platform';
import { FollowupAppModule } from './app.module';
import { loadFollowupConfig } from './config';

async function main(): Promise<void> {
  const config = loadFollowupConfig();
  const logger = new JsonLogger('followup', config.LOG_LEVEL);
  await bootstrapHttpService(FollowupAppModule.register(config, logger), { port: config.FOLLOWUP_PORT, logger });
}

main().catch((err) => {
  process.stderr.write(`followup failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
