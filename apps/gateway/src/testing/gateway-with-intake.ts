import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import request from 'supertest';
import { Audiences, JsonLogger, TokenSigner } from '@waypoint/platform';
import { startService, waitHealthy, type ServiceProcess } from '@waypoint/platform/testing';
import { loadGatewayConfig } from '../config';
import { createGateway } from '../create-gateway';

export type StaffRole = 'intake_worker' | 'case_manager' | 'supervisor' | 'admin' | 'job_developer' | 'trainer';

/**
 * The API as staff-web sees it, for integration tests: the intake service as its own
 * process (as `npm start` runs it) on a free port, and the gateway in this process in front
 * of it, both against the real engines in the `test` namespace.
 */
export class GatewayWithIntake {
  private constructor(
    readonly app: INestApplication,
    readonly intake: ServiceProcess,
    private readonly signer: TokenSigner,
  ) {}

  static async start(intakeEnv: Record<string, string> = {}): Promise<GatewayWithIntake> {
    const port = await freePort();
    const intake = startService('intake', { INTAKE_PORT: String(port), OUTBOX_POLL_MS: '100', LOG_LEVEL: 'warn', ...intakeEnv }, 'intake-for-gateway');
    try {
      await waitHealthy(intake, `http://127.0.0.1:${port}/health`);
    } catch (err) {
      await intake.stop();
      throw err;
    }
    const config = loadGatewayConfig({ ...process.env, INTAKE_URL: `http://127.0.0.1:${port}` });
    const app = await createGateway(config, { logger: new JsonLogger('gateway', 'error') });
    await app.init();
    return new GatewayWithIntake(app, intake, new TokenSigner(config.JWT_SECRET));
  }

  /** A staff access token, as sign-in would issue, for a user with these roles. */
  token(roles: StaffRole[], user = { sub: `u-${roles.join('-')}`, username: roles.join('+') }): string {
    return this.signer.sign({ ...user, roles }, Audiences.staff, 300);
  }

  /** Supertest against the gateway, signed in with `roles` (or anonymous with none). */
  as(...roles: StaffRole[]) {
    const http = request(this.app.getHttpServer());
    const auth = roles.length ? { authorization: `Bearer ${this.token(roles)}` } : {};
    return {
      get: (path: string) => http.get(`/api${path}`).set(auth),
      post: (path: string, body?: object) => http.post(`/api${path}`).set(auth).send(body),
      put: (path: string, body?: object) => http.put(`/api${path}`).set(auth).send(body),
      patch: (path: string, body?: object) => http.patch(`/api${path}`).set(auth).send(body),
      delete: (path: string) => http.delete(`/api${path}`).set(auth),
    };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.intake.stop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
