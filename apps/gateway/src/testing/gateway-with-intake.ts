import type { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import { Topics } from '@waypoint/contracts';
import { Audiences, createKafka, JsonLogger, TokenSigner } from '@waypoint/platform';
import { startService, TopicReader, waitHealthy, type ServiceProcess } from '@waypoint/platform/testing';
import { loadGatewayConfig } from '../config';
import { createGateway } from '../create-gateway';

export type StaffRole = 'intake_worker' | 'case_manager' | 'supervisor' | 'admin' | 'job_developer' | 'trainer';

/**
 * The API as staff-web sees it, for integration tests: the intake service as its own
 * process (as `npm start` runs it) on a free port, and the gateway in this process in front
 * of it, both against the real engines in the `test` namespace. With `{ withPlanning: true }`
 * the planning service runs as its own process too, and the gateway forwards casework to it.
 */
export class GatewayWithIntake {
  private constructor(
    readonly app: INestApplication,
    readonly intake: ServiceProcess,
    private readonly signer: TokenSigner,
    readonly url: string,
  ) {}

  /**
   * Intake's events as published on its topic, read from the moment `start` returns, when
   * started with `{ readIntakeEvents: true }` (count them with `events()`: at least once).
   */
  intakeEvents?: TopicReader;

  /** The planning process and its URL, when started with `{ withPlanning: true }`. */
  planning?: { process: ServiceProcess; url: string };

  static async start(
    options: { intakeEnv?: Record<string, string>; readIntakeEvents?: boolean; withPlanning?: boolean } = {},
  ): Promise<GatewayWithIntake> {
    const intakeEnv = options.intakeEnv ?? {};
    const port = await freePort();
    const intake = startService('intake', { INTAKE_PORT: String(port), OUTBOX_POLL_MS: '100', LOG_LEVEL: 'warn', ...intakeEnv }, 'intake-for-gateway');
    let planning: GatewayWithIntake['planning'];
    try {
      if (options.withPlanning) {
        const planningPort = await freePort();
        const proc = startService('planning', { PLANNING_PORT: String(planningPort), OUTBOX_POLL_MS: '100', LOG_LEVEL: 'warn' }, 'planning-for-gateway');
        planning = { process: proc, url: `http://127.0.0.1:${planningPort}` };
      }
      await Promise.all([
        waitHealthy(intake, `http://127.0.0.1:${port}/health`),
        ...(planning ? [waitHealthy(planning.process, `${planning.url}/health`)] : []),
      ]);
    } catch (err) {
      await Promise.all([intake.stop(), planning?.process.stop()]);
      throw err;
    }
    const config = loadGatewayConfig({ ...process.env, INTAKE_URL: `http://127.0.0.1:${port}`, ...(planning ? { PLANNING_URL: planning.url } : {}) });
    const app = await createGateway(config, { logger: new JsonLogger('gateway', 'error') });
    // Listening once: supertest would otherwise start the server for every request, and
    // simultaneous requests then see connections reset.
    await app.listen(0, '127.0.0.1');
    const gw = new GatewayWithIntake(app, intake, new TokenSigner(config.JWT_SECRET), await app.getUrl());
    gw.planning = planning;
    if (options.readIntakeEvents) gw.intakeEvents = await new TopicReader(createKafka('gateway-test', config.KAFKA_BROKERS), Topics.intake).start();
    return gw;
  }

  /** A staff access token, as sign-in would issue, for a user with these roles. */
  token(roles: StaffRole[], user = { sub: `u-${roles.join('-')}`, username: roles.join('+') }): string {
    return this.signer.sign({ ...user, roles }, Audiences.staff, 300);
  }

  /** Supertest against the gateway, signed in with `roles` (or anonymous with none). */
  as(...roles: StaffRole[]) {
    const http = request(this.url);
    const auth = roles.length ? { authorization: `Bearer ${this.token(roles)}` } : {};
    return {
      get: (path: string) => http.get(`/api${path}`).set(auth),
      post: (path: string, body?: object) => http.post(`/api${path}`).set(auth).send(body),
      put: (path: string, body?: object) => http.put(`/api${path}`).set(auth).send(body),
      patch: (path: string, body?: object) => http.patch(`/api${path}`).set(auth).send(body),
      delete: (path: string) => http.delete(`/api${path}`).set(auth),
    };
  }

  /**
   * Registers, as an intake worker, a person nobody else has (random name, e-mail and
   * phone, so duplicate detection never links them to earlier runs' people); returns the id.
   */
  async registerUniquePerson(fields: Record<string, unknown> = {}): Promise<string> {
    const res = await this.as('intake_worker')
      .post('/participants', {
        firstName: uniqueName(),
        lastName: uniqueName(),
        dateOfBirth: '1985-07-14',
        email: `${randomLetters(12)}@example.org`,
        phone: `612${randomInt(2_000_000, 9_999_999)}`,
        office: 'north-ajc',
        programsOfInterest: ['WIOA_ADULT'],
        ...fields,
      })
      .expect(201);
    return res.body.id as string;
  }

  async close(): Promise<void> {
    await this.intakeEvents?.stop();
    await this.app.close();
    await Promise.all([this.intake.stop(), this.planning?.process.stop()]);
  }
}

/** `n` random lower-case letters. */
export const randomLetters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
/** A capitalised random word, as a name nobody has. */
export const uniqueName = () => `${randomLetters(1).toUpperCase()}${randomLetters(9)}`;

/** A port nobody listens on right now (for a service the test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
