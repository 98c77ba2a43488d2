import type { INestApplication } from '@nestjs/common';
import { createHttpApp, JsonLogger } from '@waypoint/platform';
import { GatewayAppModule } from './app.module';
import type { GatewayConfig } from './config';
import { setupOpenApi } from './openapi/setup-openapi';
import { DEMO_USERS } from './seed/demo-users';
import { UsersService } from './users/users.service';

/** Builds the gateway app (not listening): shared by main.ts and the integration tests. */
export async function createGateway(
  config: GatewayConfig,
  options: { logger?: JsonLogger; seedDemoUsers?: boolean } = {},
): Promise<INestApplication> {
  const logger = options.logger ?? new JsonLogger('gateway', config.LOG_LEVEL);
  const app = await createHttpApp(GatewayAppModule.register(config, logger), logger);
  app.setGlobalPrefix('api');
  app.getHttpAdapter().getInstance().set('trust proxy', 'loopback');
  setupOpenApi(app);
  if (options.seedDemoUsers) {
    const users = app.get(UsersService);
    for (const u of DEMO_USERS) await users.ensure(u);
  }
  return app;
}
