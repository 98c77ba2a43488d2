import 'reflect-metadata';
import { bootstrapHttpService, JsonLogger } from '@waypoint/platform';
import { TrainingAppModule } from './app.module';
import { loadTrainingConfig } from './config';

async function main(): Promise<void> {
  const config = loadTrainingConfig();
  const logger = new JsonLogger('training', config.LOG_LEVEL);
  await bootstrapHttpService(TrainingAppModule.register(config, logger), { port: config.TRAINING_PORT, logger });
}

main().catch((err) => {
  process.stderr.write(`training failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
