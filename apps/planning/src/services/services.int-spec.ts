import { randomUUID } from 'node:crypto';
import { ConsumerGroups, type EventEnvelope, type ServiceRecordedV1, type ServiceView } from '@waypoint/contracts';
import { participantRegistered, participantUpdated, waitFor } from '@waypoint/platform/testing';
import { dayFromToday, PlanningUnderTest } from '../testing/planning-under-test';

// Services against the real FerretDB and Kafka: people known from real intake events, each
// write stored with its planning.service.recorded event in one document (the outbox) and
// published on the planning topic; refused writes leave nothing behind.
describe('planning: services', () => {
  let p: PlanningUnderTest;
  const today = dayFromToday(0);
  const caseManager = ['case_manager'];

  beforeAll(async () => {
    p = await PlanningUnderTest.start();
  });
  afterAll(() => p.close());

  const workshop = (fields: Record<string, unknown> = {}) => ({
    program: 'WIOA_ADULT',
    category: 'career_service',
    service: 'Résumé workshop',
    status: 'delivered',
    startOn: today,
    ...fields,
  });
  const record = async (participantId: string, body: object, roles = caseManager) => {
    const res = await p.call('POST', `/participants/${participantId}/services`, roles, body);
    if (res.status === 201) p.svc.deleteAtClose('services', (res.body as ServiceView).id);
    return res;
  };
  const eventsOf = (serviceId: string) =>
    p.planningEvents.events<EventEnvelope<ServiceRecordedV1>>((e) => e.type === 'planning.service.recorded' && e.data.serviceId === serviceId);
  const storedOf = (participantId: string) => p.svc.db.collection('services').find({ participantId }).toArray();

  it('records a delivered service with who and when, and publishes planning.service.recorded from the outbox', async () => {
    const id = await p.registerPerson();
    const res = await record(id, workshop({ note: 'Group of 8' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const service = res.body as ServiceView;
    expect(service).toMatchObject({
      participantId: id,
      program: 'WIOA_ADULT',
      category: 'career_service',
      countsTowardExit: true,
      service: 'Résumé workshop',
      status: 'delivered',
      startOn: today,
      note: 'Group of 8',
      recordedBy: 'tester',
      version: 1,
      history: [{ version: 1, status: 'delivered', startOn: today, note: 'Group of 8', by: 'tester', at: service.recordedAt }],
    });

    const [event] = await waitFor('the service event on the planning topic', () => eventsOf(service.id).length === 1 && eventsOf(service.id));
    expect(event.participantId).toBe(id);
    expect(event.data).toEqual({
      participantId: id,
      serviceId: service.id,
      program: 'WIOA_ADULT',
      category: 'career_service',
      service: 'Résumé workshop',
      status: 'delivered',
      startOn: today,
      recordedBy: 'tester',
    });
    // The relay cleared the outbox once it published.
    await waitFor('the outbox cleared', async () => (await p.svc.db.collection('services').findOne({ _id: service.id as never }))?.outboxPending === false);
  });

  it('moves a scheduled service to in progress and delivered with If-Match; each change is a history entry and an event', async () => {
    const id = await p.registerPerson();
    const scheduled = (await record(id, workshop({ status: 'scheduled', startOn: today, category: 'training', service: 'Forklift course' }))).body as ServiceView;
    const path = `/participants/${id}/services/${scheduled.id}`;

    const started = await p.call('PATCH', path, caseManager, { status: 'in_progress', endOn: dayFromToday(20) }, { 'if-match': '"1"' });
    expect(started.status).toBe(200);
    expect(started.headers.get('etag')).toBe('"2"');
    expect(started.body).toMatchObject({ status: 'in_progress', startOn: today, endOn: dayFromToday(20), version: 2 });

    // A second person working from version 1: refused, nothing written.
    const stale = await p.call('PATCH', path, caseManager, { status: 'cancelled' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: 2 });
    expect((await p.call('PATCH', path, caseManager, { status: 'cancelled' })).status).toBe(428);

    const delivered = await p.call('PATCH', path, ['trainer'], { status: 'delivered', version: 2, note: 'Completed the course' });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', startOn: today, endOn: today, version: 3 });
    expect((delivered.body as ServiceView).history.map((h) => [h.version, h.status, h.by, h.note])).toEqual([
      [1, 'scheduled', 'tester', undefined],
      [2, 'in_progress', 'tester', undefined],
      [3, 'delivered', 'tester', 'Completed the course'],
    ]);

    const events = await waitFor('three service events', () => eventsOf(scheduled.id).length === 3 && eventsOf(scheduled.id));
    expect(events.map((e) => [e.data.status, e.data.endOn])).toEqual([
      ['scheduled', undefined],
      ['in_progress', dayFromToday(20)],
      ['delivered', today],
    ]);
    const [stored] = await storedOf(id);
    expect(stored).toMatchObject({ status: 'delivered', version: 3 });
    expect(stored.history).toHaveLength(3);
  });

  it('corrects the dates of a delivered service as a new history entry with the reason, and announces the corrected service', async () => {
    const id = await p.registerPerson();
    const given = (await record(id, workshop({ startOn: dayFromToday(-3) }))).body as ServiceView;
    const path = `/participants/${id}/services/${given.id}`;
    const noReason = await p.call('PATCH', path, caseManager, { status: 'delivered', startOn: dayFromToday(-4) }, { 'if-match': '1' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([{ field: 'note', message: 'Say why the dates are corrected' }]);

    const fixed = await p.call('PATCH', path, caseManager, { status: 'delivered', startOn: dayFromToday(-4), note: 'Entered the wrong day' }, { 'if-match': '1' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'delivered', startOn: dayFromToday(-4), version: 2 });
    expect((fixed.body as ServiceView).history.map((h) => [h.startOn, h.note])).toEqual([
      [dayFromToday(-3), undefined],
      [dayFromToday(-4), 'Entered the wrong day'],
    ]);
    const events = await waitFor('the corrected service announced', () => eventsOf(given.id).length === 2 && eventsOf(given.id));
    expect(events.map((e) => e.data.startOn)).toEqual([dayFromToday(-3), dayFromToday(-4)]);
  });

  it('refuses a service that breaks a rule with 422 and field messages, and writes nothing', async () => {
    const id = await p.registerPerson();
    const refused = async (body: object, field: string, message: RegExp) => {
      const res = await record(id, body);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    };
    await refused(workshop({ startOn: dayFromToday(1) }), 'startOn', /cannot start in the future/);
    await refused(workshop({ status: 'in_progress', startOn: dayFromToday(3) }), 'startOn', /cannot start in the future/);
    await refused(workshop({ status: 'scheduled', startOn: dayFromToday(-1) }), 'startOn', /cannot start in the past/);
    await refused(workshop({ startOn: dayFromToday(-5), endOn: dayFromToday(-6) }), 'endOn', /before it starts/);
    expect(await storedOf(id)).toEqual([]);
  });

  it('refuses a transition that is not allowed, naming it, and changes nothing', async () => {
    const id = await p.registerPerson();
    const delivered = (await record(id, workshop())).body as ServiceView;
    const path = `/participants/${id}/services/${delivered.id}`;
    const res = await p.call('PATCH', path, caseManager, { status: 'in_progress' }, { 'if-match': '1' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'status', message: 'A delivered service cannot become in progress: its status is final' }]);
    const early = (await record(id, workshop({ status: 'scheduled', startOn: dayFromToday(7) }))).body as ServiceView;
    const notYet = await p.call('PATCH', `/participants/${id}/services/${early.id}`, caseManager, { status: 'delivered' }, { 'if-match': '1' });
    expect(notYet.status).toBe(422);
    expect(notYet.body.errors).toEqual([{ field: 'startOn', message: expect.stringMatching(/cannot start in the future/) }]);

    const stored = await storedOf(id);
    expect(stored.map((s) => [s.status, s.version, s.history.length]).sort()).toEqual([
      ['delivered', 1, 1],
      ['scheduled', 1, 1],
    ]);
    await waitFor('both services announced', () => eventsOf(early.id).length === 1);
    expect(eventsOf(delivered.id)).toHaveLength(1);
  });

  it('answers 400 for a malformed body, 404 for an unknown person or service, and writes nothing', async () => {
    const id = await p.registerPerson();
    const bad = await record(id, workshop({ category: 'coffee', extra: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'extra']);
    expect((await record(randomUUID(), workshop())).status).toBe(404);
    const unknownService = await p.call('PATCH', `/participants/${id}/services/${randomUUID()}`, caseManager, { status: 'delivered' }, { 'if-match': '1' });
    expect(unknownService.status).toBe(404);
    expect((await p.call('GET', `/participants/${randomUUID()}/services`, caseManager)).status).toBe(404);
    expect(await storedOf(id)).toEqual([]);
  });

  it('knows a person only once their registration arrives, even when a correction came first', async () => {
    const registration = participantRegistered({ participantId: randomUUID() });
    const id = registration.envelope.participantId;
    p.svc.deleteAtClose('participant_directory', id);
    p.svc.deleteAtClose('plan_queue', id);
    const correction = participantUpdated({ participantId: id, version: 2, changes: { lastName: 'Mensah' } });
    await p.svc.publish(correction);
    await p.svc.waitProcessed(ConsumerGroups.planningCaseworkDirectory, correction);
    expect((await record(id, workshop())).status).toBe(404);

    await p.svc.publish(registration);
    await p.svc.waitProcessed(ConsumerGroups.planningCaseworkDirectory, registration);
    expect((await record(id, workshop())).status).toBe(201);
    expect(await p.svc.db.collection('participant_directory').findOne({ _id: id as never })).toMatchObject({ firstName: 'Ada', lastName: 'Mensah', version: 2 });
  });

  it("lists the person's services newest first, and only theirs", async () => {
    const id = await p.registerPerson();
    const other = await p.registerPerson();
    await record(other, workshop());
    const older = (await record(id, workshop({ startOn: dayFromToday(-30), service: 'Orientation', category: 'information_only' }))).body as ServiceView;
    const newer = (await record(id, workshop({ startOn: dayFromToday(-2) }))).body as ServiceView;
    const next = (await record(id, workshop({ status: 'scheduled', startOn: dayFromToday(10), service: 'Mock interview' }))).body as ServiceView;
    // The list reads the person's case file by _id: an id filed by a write that crashed
    // before its service was stored, and one of someone else's, are skipped.
    const othersService = (await storedOf(other))[0]._id;
    await p.svc.db.collection<{ _id: string }>('case_files').updateOne({ _id: id }, { $push: { services: { $each: [randomUUID(), othersService] } } });
    const res = await p.call('GET', `/participants/${id}/services`, ['supervisor']);
    expect(res.status).toBe(200);
    expect((res.body as ServiceView[]).map((s) => s.id)).toEqual([next.id, newer.id, older.id]);
    expect((res.body as ServiceView[])[2]).toMatchObject({ category: 'information_only', countsTowardExit: false });
  });

  it('records a retried submission once: the same Idempotency-Key answers the first service (200, Idempotent-Replayed)', async () => {
    const id = await p.registerPerson();
    const key = { 'idempotency-key': `form-${randomUUID()}` };
    const first = await p.call('POST', `/participants/${id}/services`, caseManager, workshop(), key);
    expect(first.status).toBe(201);
    p.svc.deleteAtClose('services', first.body.id);
    // Two retries at once, as a flaky connection may send them.
    const retries = await Promise.all([1, 2].map(() => p.call('POST', `/participants/${id}/services`, caseManager, workshop(), key)));
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
    }
    expect(await storedOf(id)).toHaveLength(1);
    // Another person under the same key is refused; a malformed key is a 400.
    const other = await p.registerPerson();
    const reused = await p.call('POST', `/participants/${other}/services`, caseManager, workshop(), key);
    expect(reused.status).toBe(422);
    expect(reused.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringMatching(/another participant/) }]);
    expect((await p.call('POST', `/participants/${id}/services`, caseManager, workshop(), { 'idempotency-key': 'short' })).status).toBe(400);
    expect(await storedOf(other)).toEqual([]);
    await waitFor('the one event', () => eventsOf(first.body.id).length === 1);
  });

  it('lets only the roles of CaseworkAccess record and read', async () => {
    const id = await p.registerPerson();
    expect((await record(id, workshop(), ['intake_worker'])).status).toBe(403);
    expect((await record(id, workshop(), ['supervisor'])).status).toBe(403);
    expect((await record(id, workshop(), ['job_developer'])).status).toBe(201);
    expect((await p.call('GET', `/participants/${id}/services`, ['intake_worker'])).status).toBe(403);
    expect((await p.call('GET', `/participants/${id}/services`, [])).status).toBe(401);
  });
});
