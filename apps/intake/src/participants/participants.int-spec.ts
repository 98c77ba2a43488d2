import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  envelopeSchema,
  Topics,
  type DuplicateConflictBody,
  type EventEnvelope,
  type ParticipantRegisteredV1,
  type ParticipantUpdatedV1,
} from '@waypoint/contracts';
import { Audiences, createHttpApp, createKafka, JsonLogger, TokenSigner } from '@waypoint/platform';
import { TopicReader, waitFor } from '@waypoint/platform/testing';
import { IntakeAppModule } from '../app.module';
import { loadIntakeConfig } from '../config';
import { MatchKeyDirectory, MATCH_KEYS_COLLECTION } from './match-key-directory';
import { ParticipantsRepository } from './participants.repository';
import { SearchKeysBackfill } from './search-keys.backfill';

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
  // Random letters a-z with no shared prefix: databases outlive a run, and surnames that
  // differ only in a few letters would (rightly) look like typos of each other.
  const family = Array.from(randomBytes(10), (b, i) => String.fromCharCode((i ? 97 : 65) + (b % 26))).join('');

  beforeAll(async () => {
    app = await createHttpApp(IntakeAppModule.register(config, new JsonLogger('intake', 'error')), new JsonLogger('intake', 'error'));
    // Listening once, on a port of its own: supertest would otherwise start the server for
    // every request, and many simultaneous requests then see connections reset.
    await app.listen(0, '127.0.0.1');
    http = request(await app.getUrl());
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
    // Another worker's identical key is another submission (of another person: the same
    // person again would be refused as a duplicate, see below).
    const other = `Bearer ${signer.sign({ sub: 'u-other', username: 'other', roles: ['intake_worker'] }, Audiences.internal, 60)}`;
    const theirs = await http.post('/participants').set('authorization', other).set('idempotency-key', key).send(person('Juno')).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    await waitFor('the registered event', () => reader.json<EventEnvelope>().some((e) => e.participantId === first.body.id));
    await new Promise((r) => setTimeout(r, 500));
    expect(reader.events().filter((e) => e.participantId === first.body.id)).toHaveLength(1);
    await http.post('/participants').set('authorization', worker).set('idempotency-key', 'bad key!').send(person('Ines')).expect(400);
  });

  it('accepts only internal tokens, and checks roles', async () => {
    await http.get('/participants').expect(401);
    const staffToken = signer.sign({ sub: 'x', username: 'x', roles: ['admin'] }, Audiences.staff, 60);
    await http.get('/participants').set('authorization', `Bearer ${staffToken}`).expect(401);
    await http.post('/participants').set('authorization', `Bearer ${tokenFor(['trainer'])}`).send(person('Nope')).expect(403);
    await http.get(`/participants/${randomUUID()}`).set('authorization', worker).expect(404);
  });

  /** A random SSN of valid shape, so runs never collide. */
  const randomSsn = () => {
    const n = (min: number, max: number) => String(min + Math.floor(Math.random() * (max - min))).padStart(String(max).length, '0');
    return `${n(100, 665)}-${n(10, 99)}-${n(1000, 9999)}`;
  };

  it('keeps an SSN only encrypted and hashed, shows the last four only to roles that may see them, and never publishes it', async () => {
    const ssn = randomSsn();
    const digits = ssn.replace(/-/g, '');
    const res = await http.post('/participants').set('authorization', worker).send(person('Selma', { ssn, phone: '612-555-0177' })).expect(201);
    expect(res.body).toMatchObject({ hasSsn: true, ssnLast4: digits.slice(5), ssnMasked: `***-**-${digits.slice(5)}`, version: 1 });
    expect(JSON.stringify(res.body)).not.toContain(digits);

    const stored = await app.get(ParticipantsRepository).collection.findOne({ _id: res.body.id } as never);
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(digits);
    expect(raw).not.toContain(ssn);
    expect(stored?.ssn).toEqual({
      encrypted: { keyId: 'dev-1', iv: expect.any(String), tag: expect.any(String), data: expect.any(String) },
      last4DobHash: expect.any(String),
      hash: expect.any(String),
    });

    const trainer = `Bearer ${tokenFor(['trainer'])}`;
    const asTrainer = await http.get(`/participants/${res.body.id}`).set('authorization', trainer).expect(200);
    expect(Object.keys(asTrainer.body).filter((k) => /ssn/i.test(k))).toEqual([]);

    const event = await waitFor('the registered event', () =>
      reader.json<EventEnvelope>().find((e) => e.participantId === res.body.id),
    );
    expect(JSON.stringify(event)).not.toContain(digits);
    expect(JSON.stringify(event)).not.toMatch(/ssn/i);
  });

  it('rejects an SSN that cannot exist with 400 on the ssn field, never repeating it', async () => {
    const res = await http.post('/participants').set('authorization', worker).send(person('Nadia', { ssn: '666-12-3456' })).expect(400);
    expect(res.body.errors).toEqual([{ field: 'ssn', message: 'An SSN never starts with 000, 666 or 9.' }]);
    expect(JSON.stringify(res.body)).not.toContain('3456');
  });

  it('refuses to register the same person twice without review, writing nothing', async () => {
    const first = await http.post('/participants').set('authorization', worker).send(person('Tere')).expect(201);
    const res = await http.post('/participants').set('authorization', worker).send(person('Tere')).expect(409);
    const body = res.body as DuplicateConflictBody;
    expect(body.reviewRequiredFor).toEqual([first.body.id]);
    expect(body).toMatchObject({ code: 'possible-duplicate' });
    expect(body.candidates[0]).toMatchObject({ participant: { id: first.body.id }, level: 'certain', score: 90 });
    const list = await http.get('/participants').query({ q: `tere ${family}` }).set('authorization', worker).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('changes a record under optimistic concurrency and publishes intake.participant.updated without contact values', async () => {
    const created = await http.post('/participants').set('authorization', worker).send(person('Vera', { phone: '612-555-0188' })).expect(201);
    const id = created.body.id;
    const res = await http
      .patch(`/participants/${id}`)
      .set('authorization', worker)
      .set('if-match', created.headers.etag)
      .send({ phone: '612-555-0199', office: 'north-ajc' })
      .expect(200);
    expect(res.body).toMatchObject({ phone: '6125550199', office: 'north-ajc', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const event = await waitFor('the updated event', () =>
      reader.json<EventEnvelope<ParticipantUpdatedV1>>().find((e) => e.participantId === id && e.type === 'intake.participant.updated'),
    );
    expect(event).toMatchObject({ version: 1, data: { version: 2, changedFields: ['phone', 'office'], changes: { office: 'north-ajc' } } });
    expect(envelopeSchema.safeParse(event).success).toBe(true); // what every consumer checks first
    expect(JSON.stringify(event)).not.toContain('0199');

    await http.patch(`/participants/${id}`).set('authorization', worker).set('if-match', '"1"').send({ office: 'downtown-ajc' }).expect(409);
    await http.patch(`/participants/${id}`).set('authorization', worker).send({ office: 'downtown-ajc' }).expect(428);
    const unknown = await http.patch(`/participants/${id}`).set('authorization', worker).send({ version: 2, office: 'atlantis' }).expect(422);
    expect(unknown.body.errors).toEqual([{ field: 'office', message: 'Unknown office: atlantis' }]);
    const after = await http.get(`/participants/${id}`).set('authorization', worker).expect(200);
    expect(after.body).toMatchObject({ office: 'north-ajc', version: 2 });
  });

  it('publishes consent records and revocations as valid envelopes', async () => {
    const id = (await http.post('/participants').set('authorization', worker).send(person('Wanda', { phone: '612-555-0166' })).expect(201)).body.id;
    const today = new Date().toISOString().slice(0, 10);
    const consent = await http
      .post(`/participants/${id}/consents`)
      .set('authorization', worker)
      .send({ partner: 'County Library', purpose: 'Digital skills class', scopes: ['contact'], grantedOn: today, expiresOn: `${Number(today.slice(0, 4)) + 2}-01-01`, signedBy: 'participant' })
      .expect(201);
    await http.post(`/participants/${id}/consents/${consent.body.id}/revoke`).set('authorization', worker).send({ reason: 'Class cancelled' }).expect(200);
    const events = await waitFor('both consent events', () => {
      const found = reader.events().filter((e) => e.participantId === id && e.type.startsWith('intake.consent.'));
      return found.length === 2 && found;
    });
    expect(events.map((e) => e.type).sort()).toEqual(['intake.consent.recorded', 'intake.consent.revoked']);
    for (const e of events) expect(envelopeSchema.safeParse(e).success).toBe(true);
    expect(events.find((e) => e.type === 'intake.consent.recorded')?.data).toMatchObject({ consentId: consent.body.id, partner: 'County Library', scopes: ['contact'] });
  });

  it('finds records stored before the search keys existed once the start-up backfill has run', async () => {
    const id = randomUUID();
    const legacy = { _id: id, firstName: 'Olive', lastName: family, firstNameKey: 'olive', lastNameKey: family.toLowerCase(), nameTokens: ['olive', family.toLowerCase()] };
    await app.get(ParticipantsRepository).collection.insertOne({
      ...legacy,
      dateOfBirth: '1966-06-06',
      office: 'north-ajc',
      programsOfInterest: ['WIOA_ADULT'],
      registeredAt: new Date(),
      registeredBy: 'legacy',
      journeyPhase: null,
      journeySequence: 0,
      outbox: [],
      outboxPending: false,
      outboxSeq: 1,
    } as never);
    const check = () =>
      http.post('/participants/duplicate-check').set('authorization', worker).send({ firstName: 'Olive', lastName: family, dateOfBirth: '1966-06-06' }).expect(200);
    expect((await check()).body.candidates).toEqual([]);
    expect(await app.get(SearchKeysBackfill).run()).toBeGreaterThanOrEqual(1);
    expect((await check()).body.candidates).toEqual([expect.objectContaining({ participant: expect.objectContaining({ id }), level: 'likely' })]);
    expect((await http.get(`/participants/${id}`).set('authorization', worker).expect(200)).body.version).toBe(1);
  });

  it('files the people stored before the match-key directory existed, once, and then finds them', async () => {
    const id = randomUUID();
    await app.get(ParticipantsRepository).collection.insertOne({
      _id: id,
      firstName: 'Opal',
      lastName: family,
      dateOfBirth: '1971-07-07',
      email: `opal.${family.toLowerCase()}@example.org`,
      office: 'north-ajc',
      programsOfInterest: ['WIOA_ADULT'],
      registeredAt: new Date(),
      registeredBy: 'before-the-directory',
    } as never);
    const check = (body: object) => http.post('/participants/duplicate-check').set('authorization', worker).send(body).expect(200);
    const byEmail = { firstName: 'Someone', lastName: 'Else', dateOfBirth: '1971-07-07', email: `opal.${family.toLowerCase()}@example.org` };
    expect((await check(byEmail)).body.candidates).toEqual([]);
    // As on the first start of a version with the directory: the marker is not there yet.
    await app.get<Connection>(getConnectionToken()).collection(MATCH_KEYS_COLLECTION).deleteOne({ _id: '~backfilled:v1' as never });
    expect(await app.get(MatchKeyDirectory).backfill()).toBeGreaterThanOrEqual(1);
    expect(await app.get(MatchKeyDirectory).backfill()).toBe(0);
    expect((await check(byEmail)).body.candidates).toEqual([expect.objectContaining({ participant: expect.objectContaining({ id }) })]);
    expect((await check({ firstName: 'Opal', lastName: family, dateOfBirth: '1971-07-07' })).body.candidates).toEqual([
      expect.objectContaining({ participant: expect.objectContaining({ id }), level: 'likely' }),
    ]);
  });

  it('keeps every one of many simultaneous writes to one person, while the outbox relay clears', async () => {
    // FerretDB 1.x applies concurrent updates of one document as read-then-write; without
    // the per-document write lock some of these consents (or their events) would vanish.
    const id = (await http.post('/participants').set('authorization', worker).send(person('Xena', { phone: '612-555-0155' })).expect(201)).body.id;
    const today = new Date().toISOString().slice(0, 10);
    const partners = Array.from({ length: 8 }, (_, i) => `Partner ${i + 1}`);
    await Promise.all(
      partners.map((partner) =>
        http
          .post(`/participants/${id}/consents`)
          .set('authorization', worker)
          .send({ partner, purpose: 'Referral', scopes: ['contact'], grantedOn: today, expiresOn: `${Number(today.slice(0, 4)) + 1}-06-30`, signedBy: 'participant' })
          .expect(201),
      ),
    );
    const list = await http.get(`/participants/${id}/consents`).set('authorization', worker).expect(200);
    expect(list.body.items.map((c: { partner: string }) => c.partner).sort()).toEqual(partners);
    const events = await waitFor('all consent events', () => {
      const found = reader.json<EventEnvelope>().filter((e) => e.participantId === id && e.type === 'intake.consent.recorded');
      return new Set(found.map((e) => e.id)).size === partners.length && found;
    });
    expect(new Set(events.map((e) => (e.data as { partner: string }).partner))).toEqual(new Set(partners));
  });
});
