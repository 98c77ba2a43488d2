import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '../logging/json-logger';
import { correlationMiddleware } from '../logging/correlation.middleware';

export interface BootstrapOptions {
  port: number;
  host?: string;
  logger: JsonLogger;
  /** Extra set-up before listening (OpenAPI, prefixes). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/** Creates, configures and starts one HTTP service; SIGTERM/SIGINT shut it down gracefully. */
export async function bootstrapHttpService(module: unknown, options: BootstrapOptions): Promise<INestApplication> {
  const app = await createHttpApp(module, options.logger);
  await options.configure?.(app);
  await app.listen(options.port, options.host ?? '127.0.0.1');
  options.logger.log(`listening on http://${options.host ?? '127.0.0.1'}:${options.port}`, 'bootstrap');
  return app;
}

/** The app without listening: used by bootstrap and by integration tests. */
export async function createHttpApp(module: unknown, logger: JsonLogger): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { logger, bufferLogs: false });
  app.use(correlationMiddleware);
  app.enableShutdownHooks();
  return app;
}
