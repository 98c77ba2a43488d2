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
  const host = options.host ?? listenHost();
  await app.listen(options.port, host);
  options.logger.log(`listening on http://${host}:${options.port}`, 'bootstrap');
  return app;
}

/** The app without listening: used by bootstrap and by integration tests. */
export async function createHttpApp(module: unknown, logger: JsonLogger): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { logger, bufferLogs: false });
  app.use(correlationMiddleware);
  app.enableShutdownHooks();
  return app;
}

/**
 * The interface services listen on: loopback unless `HTTP_HOST` says otherwise (containers
 * set `0.0.0.0` so that other containers and published ports can reach them).
 */
export function listenHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HTTP_HOST || '127.0.0.1';
}
