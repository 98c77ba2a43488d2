import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { Audiences, JsonLogger, TokenSigner } from '@waypoint/platform';
import { loadGatewayConfig } from '../config';
import { createGateway } from '../create-gateway';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/demo-users';
import { waitFor } from '@waypoint/platform/testing';

// The audit entry is written when the response finishes, just after the client has it.
const waitForEntry = <T>(probe: () => Promise<T | null>) => waitFor('an audit entry', probe, { timeoutMs: 5_000 });

// The gateway against the real FerretDB (and Kafka for its health): sign-in, tokens, roles.
describe('gateway sign-in and roles', () => {
  const config = loadGatewayConfig({ ...process.env, ACCESS_TOKEN_TTL_SECONDS: '60' });
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createGateway(config, { logger: new JsonLogger('gateway', 'error'), seedDemoUsers: true });
    await app.init();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  const login = (username: string, password = DEMO_PASSWORD) =>
    http.post('/api/auth/login').send({ username, password });

  it('seeds one demo user per role, each able to sign in', async () => {
    const roles = new Set<string>();
    for (const u of DEMO_USERS) {
      const res = await login(u.username).expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 60, user: { username: u.username, roles: u.roles } });
      expect(res.body.user).not.toHaveProperty('passwordHash');
      u.roles.forEach((r) => roles.add(r));
    }
    expect([...roles].sort()).toEqual(['admin', 'case_manager', 'intake_worker', 'job_developer', 'supervisor', 'trainer']);
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const wrong = await login('case.manager', 'not-the-password').expect(401);
    const unknown = await login('nobody.here', 'whatever').expect(401);
    expect(wrong.body.message).toBe('Wrong username or password');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('rejects a malformed sign-in body with 400 and field messages', async () => {
    const res = await http.post('/api/auth/login').send({ username: '' }).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'username', message: 'Username is required' },
        { field: 'password', message: 'Required' },
      ]),
    );
  });

  it('requires a token on every other route (401)', async () => {
    await http.get('/api/auth/me').expect(401);
    await http.get('/api/participants').expect(401);
    await http.post('/api/participants').send({}).expect(401);
    await http.get('/api/reference').expect(401);
    await http.get('/api/auth/me').set('authorization', 'Bearer garbage').expect(401);
  });

  it('rejects an expired token with 401 and says so', async () => {
    const signer = new TokenSigner(config.JWT_SECRET);
    const expired = signer.sign({ sub: 'x', username: 'x', roles: ['admin'] }, Audiences.staff, 60, Date.now() - 120_000);
    const res = await http.get('/api/auth/me').set('authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.message).toMatch(/expired/);
  });

  it('does not accept an internal service token as a staff token', async () => {
    const internal = new TokenSigner(config.INTERNAL_TOKEN_SECRET).sign({ sub: 'x', username: 'x', roles: ['admin'] }, Audiences.internal, 60);
    await http.get('/api/auth/me').set('authorization', `Bearer ${internal}`).expect(401);
  });

  it('returns the signed-in user from /me', async () => {
    const { body } = await login('supervisor').expect(200);
    const me = await http.get('/api/auth/me').set('authorization', `Bearer ${body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'supervisor', roles: ['supervisor'], office: 'north-ajc' });
  });

  it('forbids a role that may not register participants (403), before anything is forwarded', async () => {
    for (const username of ['trainer', 'job.developer', 'supervisor']) {
      const { body } = await login(username).expect(200);
      const res = await http.post('/api/participants').set('authorization', `Bearer ${body.accessToken}`).send({}).expect(403);
      expect(res.body.message).toMatch(/intake_worker, case_manager, admin/);
    }
  });

  it('audits good and bad sign-ins and every change attempt, with the correlation id', async () => {
    const audit = app.get<Connection>(getConnectionToken()).collection('audit_log');
    const correlationId = `audit-${randomUUID()}`;
    await http.post('/api/auth/login').set('x-correlation-id', correlationId).send({ username: 'trainer', password: 'nope' }).expect(401);
    const { body } = await login('trainer').expect(200);
    await http
      .post('/api/participants')
      .set('authorization', `Bearer ${body.accessToken}`)
      .set('x-correlation-id', correlationId)
      .send({})
      .expect(403);
    const denied = await audit.findOne({ correlationId, action: 'auth.login' });
    expect(denied).toMatchObject({ outcome: 'denied', actorUsername: 'trainer' });
    const since = new Date(Date.now() - 60_000);
    expect(await audit.countDocuments({ action: 'auth.login', outcome: 'success', actorUsername: 'trainer', at: { $gte: since } })).toBeGreaterThan(0);
    const refused = await waitForEntry(() => audit.findOne({ correlationId, action: 'POST /api/participants' }));
    expect(refused).toMatchObject({ outcome: 'denied', status: 403, actorUsername: 'trainer' });
  });

  it('audits a change refused for want of a token, without an actor', async () => {
    const audit = app.get<Connection>(getConnectionToken()).collection('audit_log');
    const correlationId = `audit-${randomUUID()}`;
    await http.post('/api/participants').set('x-correlation-id', correlationId).send({}).expect(401);
    const entry = await waitForEntry(() => audit.findOne({ correlationId }));
    expect(entry).toMatchObject({ action: 'POST /api/participants', outcome: 'denied', status: 401 });
    expect(entry).not.toHaveProperty('actorId');
  });

  it('serves the OpenAPI document with the registration schema from the contract', async () => {
    const res = await http.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/participants', '/api/participants/{id}']));
    const schema = res.body.paths['/api/participants'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['firstName', 'lastName', 'dateOfBirth', 'office', 'programsOfInterest']));
  });
});
