import 'reflect-metadata';
import { bootstrapHttpService, JsonLogger } from '@waypoint/platform';
import { JourneyAppModule } from './app.module';
import { loadJourneyConfig } from './config';

async function main(): Promise<void> {
  const config = loadJourneyConfig();
  const logger = new JsonLogger('journey', config.LOG_LEVEL);
  await bootstrapHttpService(JourneyAppModule.register(config, logger), { port: config.JOURNEY_PORT, logger });
}

main().catch((err) => {
  process.stderr.write(`journey failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
