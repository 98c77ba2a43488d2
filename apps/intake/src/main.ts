import 'reflect-metadata';
import { bootstrapHttpService, JsonLogger } from '@waypoint/platform';
import { IntakeAppModule } from './app.module';
import { loadIntakeConfig } from './config';

async function main(): Promise<void> {
  const config = loadIntakeConfig();
  const logger = new JsonLogger('intake', config.LOG_LEVEL);
  await bootstrapHttpService(IntakeAppModule.register(config, logger), { port: config.INTAKE_PORT, logger });
}

main().catch((err) => {
  process.stderr.write(`intake failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
