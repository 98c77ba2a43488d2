import 'reflect-metadata';
import { JsonLogger, listenHost } from '@waypoint/platform';
import { loadGatewayConfig } from './config';
import { createGateway } from './create-gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);
  const app = await createGateway(config, { logger, seedDemoUsers: process.env.SEED_DEMO_USERS === 'true' });
  const host = listenHost();
  await app.listen(config.GATEWAY_PORT, host);
  logger.log(`listening on http://${host}:${config.GATEWAY_PORT} (API docs at /api/docs)`, 'bootstrap');
}

main().catch((err) => {
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
