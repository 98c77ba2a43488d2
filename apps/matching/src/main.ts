import 'reflect-metadata';
import { bootstrapHttpService, JsonLogger } from '@waypoint/platform';
import { MatchingAppModule } from './app.module';
import { loadMatchingConfig } from './config';

async function main(): Promise<void> {
  const config = loadMatchingConfig();
  const logger = new JsonLogger('matching', config.LOG_LEVEL);
  await bootstrapHttpService(MatchingAppModule.register(config, logger), { port: config.MATCHING_PORT, logger });
}

main().catch((err) => {
  process.stderr.write(`matching failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
