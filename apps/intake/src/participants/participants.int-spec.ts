import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Topics, type EventEnvelope, type ParticipantRegisteredV1 } from '@waypoint/contracts';
import { Audiences, createHttpApp, createKafka, JsonLogger, TokenSigner } from '@waypoint/platform';
import { TopicReader, waitFor } from '@waypoint/platform/testing';
import { IntakeAppModule } from '../app.module';
import { loadIntakeConfig } from '../config';

// The intake service in-process against real FerretDB and Kafka, called as the gateway
// calls it: with an internal token carrying the acting user and roles.
describe('intake participants API', () => {
  const config = loadIntakeConfig({ ...process.env, OUTBOX_POLL_MS: '100' });
  const signer = new TokenSigner(config.INTERNAL_TOKEN_SECRET);
  const tokenFor = (roles: string[]) => signer.sign({ sub: 'u-test', username: 'tester', roles }, Audiences.internal, 60);
  const worker = `Bearer ${tokenFor(['intake_worker'])}`;
  const reader = new TopicReader(createKafka('intake-test', config.KAFKA_BROKERS), Topics.intake);
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const family = `Fam${randomUUID().replace(/[^a-z]/g, '').slice(0, 8)}`;

  beforeAll(async () => {
    app = await createHttpApp(IntakeAppModule.register(config, new JsonLogger('intake', 'error')), new JsonLogger('intake', 'error'));
    await app.init();
    http = request(app.getHttpServer());
    await reader.start();
  });
  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const person = (firstName: string, extra: Record<string, unknown> = {}) => ({
    firstName,
    lastName: family,
    dateOfBirth: '1979-03-09',
    phone: '612-555-0100',
    office: 'riverside-ajc',
    programsOfInterest: ['TANF_ES'],
    ...extra,
  });

  it('registers a participant and publishes intake.participant.registered from the outbox', async () => {
    const res = await http.post('/participants').set('authorization', worker).send(person('Rosa')).expect(201);
    expect(res.body).toMatchObject({ firstName: 'Rosa', lastName: family, phone: '6125550100', phase: null, registeredBy: 'tester' });
    const event = await waitFor('the registered event', () =>
      reader.json<EventEnvelope<ParticipantRegisteredV1>>().find((e) => e.participantId === res.body.id),
    );
    expect(event).toMatchObject({
      type: 'intake.participant.registered',
      version: 1,
      actor: { type: 'staff', id: 'u-test' },
      data: { participantId: res.body.id, office: 'riverside-ajc', programsOfInterest: ['TANF_ES'], registeredBy: 'tester' },
    });
  });

  it('pages the list by key and searches any word of either name', async () => {
    for (const first of ['Ana María', 'Bea', 'Carla', 'Dora', 'Eva']) {
      await http.post('/participants').set('authorization', worker).send(person(first)).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http
        .get('/participants')
        .query({ q: family, limit: 2, ...(cursor ? { cursor } : {}) })
        .set('authorization', worker)
        .expect(200);
      seen.push(...res.body.items.map((p: { firstName: string }) => p.firstName));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Ana María', 'Bea', 'Carla', 'Dora', 'Eva', 'Rosa']);

    const byFirstName = await http.get('/participants').query({ q: `mar ${family.slice(0, 5)}` }).set('authorization', worker).expect(200);
    expect(byFirstName.body.items.map((p: { firstName: string }) => p.firstName)).toEqual(['Ana María']);
  });

  it('rejects bad input with field messages and writes nothing', async () => {
    const res = await http
      .post('/participants')
      .set('authorization', worker)
      .send(person('Zed', { dateOfBirth: '31/12/1990', programsOfInterest: ['WIOA_ADULT', 'juggling'], favouriteColour: 'blue' }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dateOfBirth', 'favouriteColour', 'programsOfInterest.1']);
    const list = await http.get('/participants').query({ q: `zed ${family}` }).set('authorization', worker).expect(200);
    expect(list.body.items).toEqual([]);
    await http.get('/participants').query({ cursor: 'bm90LWEtY3Vyc29y' }).set('authorization', worker).expect(400);
  });

  it('answers a retried submission (same idempotency key) with the first result, registering nobody twice', async () => {
    const key = `form-${randomUUID()}`;
    const first = await http.post('/participants').set('authorization', worker).set('idempotency-key', key).send(person('Ines')).expect(201);
    const retry = await http.post('/participants').set('authorization', worker).set('idempotency-key', key).send(person('Ines')).expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const list = await http.get('/participants').query({ q: `ines ${family}` }).set('authorization', worker).expect(200);
    expect(list.body.items).toHaveLength(1);
    // Another worker's identical key is another submission.
    const other = `Bearer ${signer.sign({ sub: 'u-other', username: 'other', roles: ['intake_worker'] }, Audiences.internal, 60)}`;
    const theirs = await http.post('/participants').set('authorization', other).set('idempotency-key', key).send(person('Ines')).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    await waitFor('the registered event', () => reader.json<EventEnvelope>().some((e) => e.participantId === first.body.id));
    await new Promise((r) => setTimeout(r, 500));
    expect(reader.json<EventEnvelope>().filter((e) => e.participantId === first.body.id)).toHaveLength(1);
    await http.post('/participants').set('authorization', worker).set('idempotency-key', 'bad key!').send(person('Ines')).expect(400);
  });

  it('accepts only internal tokens, and checks roles', async () => {
    await http.get('/participants').expect(401);
    const staffToken = signer.sign({ sub: 'x', username: 'x', roles: ['admin'] }, Audiences.staff, 60);
    await http.get('/participants').set('authorization', `Bearer ${staffToken}`).expect(401);
    await http.post('/participants').set('authorization', `Bearer ${tokenFor(['trainer'])}`).send(person('Nope')).expect(403);
    await http.get(`/participants/${randomUUID()}`).set('authorization', worker).expect(404);
  });
});
