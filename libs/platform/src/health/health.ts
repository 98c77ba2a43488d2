import { Controller, Get, Inject, Injectable, ServiceUnavailableException, type OnApplicationShutdown } from '@nestjs/common';
import { Public } from '../auth/auth.guard';

export interface HealthCheck {
  name: string;
  check: () => Promise<void>;
  /** Releases what the check holds open (a Kafka admin connection), at shutdown. */
  close?: () => Promise<void>;
}
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface HealthReport {
  status: 'ok' | 'error';
  service: string;
  uptimeSeconds: number;
  checks: Record<string, { status: 'up' | 'down'; error?: string; ms: number }>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, rej) => {
      t = setTimeout(() => rej(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

@Injectable()
export class HealthService implements OnApplicationShutdown {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  private readonly extra: HealthCheck[] = [];

  /** Adds a check at run time (a component that starts after the module graph). */
  register(check: HealthCheck): void {
    this.extra.push(check);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.checks, ...this.extra].map((c) => c.close?.().catch(() => undefined)));
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks, ...this.extra].map(async (c) => {
        const start = Date.now();
        try {
          await withTimeout(c.check(), 3_000);
          return [c.name, { status: 'up' as const, ms: Date.now() - start }] as const;
        } catch (err) {
          return [c.name, { status: 'down' as const, error: (err as Error).message, ms: Date.now() - start }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const status = entries.every(([, v]) => v.status === 'up') ? 'ok' : 'error';
    return { status, service: this.service, uptimeSeconds: Math.round(process.uptime()), checks };
  }
}

/**
 * `GET /health`: liveness and readiness in one, with each dependency's state. Public on
 * purpose (load balancers and the start script call it); it reveals no participant data.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  async get(): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}
