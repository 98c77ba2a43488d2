import { randomUUID } from 'node:crypto';
import { journeyTaskOpenedV1, Topics, type EventEnvelope, type Page, type ServiceRecordedV1, type TaskView } from '@waypoint/contracts';
import { baseConfigSchema, createEvent, createKafka, EventPublisher, loadConfig } from '@waypoint/platform';
import { TopicReader, waitFor } from '@waypoint/platform/testing';
import { GatewayWithIntake, type StaffRole } from '../testing/gateway-with-intake';

// Casework through the gateway, with intake and planning as their own processes (as `npm
// start` runs them) against the real FerretDB and Kafka: a person registered through the
// API reaches planning by intake's event; roles are refused by the gateway with 403.
describe('casework through the gateway', () => {
  const engines = loadConfig(baseConfigSchema, process.env);
  const kafka = createKafka('gateway-casework-test', engines.KAFKA_BROKERS);
  const journey = new EventPublisher(kafka);
  let gw: GatewayWithIntake;
  let planningEvents: TopicReader;
  const today = new Date().toISOString().slice(0, 10);
  const office = 'riverside-ajc';

  beforeAll(async () => {
    gw = await GatewayWithIntake.start({ withPlanning: true });
    planningEvents = await new TopicReader(kafka, Topics.planning).start();
  });
  afterAll(async () => {
    await planningEvents.stop();
    await journey.disconnect();
    await gw.close();
  });

  /** A person registered through the API, once planning has learnt of them from intake's event. */
  const registered = async (): Promise<string> => {
    const id = await gw.registerUniquePerson({ office });
    await waitFor(`planning to know ${id}`, async () => (await gw.as('case_manager').get(`/participants/${id}/services`)).status === 200, { timeoutMs: 60_000 });
    return id;
  };
  const service = (fields: object = {}) => ({ program: 'WIOA_ADULT', category: 'job_search_assistance', service: 'Job club', status: 'delivered', startOn: today, ...fields });

  it('records services and moves one through its statuses with If-Match, for the roles that deliver them', async () => {
    const id = await registered();
    const path = `/participants/${id}/services`;
    const key = `club-${randomUUID()}`;
    const club = await gw.as('job_developer').post(path, service()).set('Idempotency-Key', key).expect(201);
    expect(club.body).toMatchObject({ participantId: id, status: 'delivered', recordedBy: 'job_developer', countsTowardExit: true });
    expect(club.headers.etag).toBe('"1"');
    // The form's retry: the first service again, not a second one.
    const retry = await gw.as('job_developer').post(path, service()).set('Idempotency-Key', key).expect(200);
    expect([retry.headers['idempotent-replayed'], retry.body.id]).toEqual(['true', club.body.id]);

    const course = await gw.as('trainer').post(path, service({ category: 'training', service: 'CNA course', status: 'scheduled' })).expect(201);
    const coursePath = `${path}/${course.body.id}`;
    const started = await gw.as('trainer').patch(coursePath, { status: 'in_progress' }).set('If-Match', course.headers.etag).expect(200);
    expect(started.headers.etag).toBe('"2"');
    const stale = await gw.as('case_manager').patch(coursePath, { status: 'cancelled' }).set('If-Match', '"1"').expect(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: 2 });
    const refused = await gw.as('case_manager').patch(coursePath, { status: 'delivered', endOn: '2000-01-01' }).set('If-Match', '"2"').expect(422);
    expect(refused.body.errors).toEqual([{ field: 'endOn', message: expect.stringMatching(/before it starts/) }]);

    const list = await gw.as('supervisor').get(path).expect(200);
    expect(list.body.map((s: { service: string; status: string }) => [s.service, s.status]).sort()).toEqual([
      ['CNA course', 'in_progress'],
      ['Job club', 'delivered'],
    ]);
    await waitFor('three service events on the planning topic', () => {
      const events = planningEvents.events<EventEnvelope<ServiceRecordedV1>>((e) => e.participantId === id && e.type === 'planning.service.recorded');
      return events.length === 3;
    });
  });

  it.each([
    ['intake_worker', 'POST'],
    ['supervisor', 'POST'],
    ['admin', 'POST'],
    ['intake_worker', 'GET'],
    ['admin', 'GET'],
  ] as [StaffRole, string][])('refuses %s to %s services with 403', async (role, method) => {
    const path = `/participants/${randomUUID()}/services`;
    const res = method === 'POST' ? await gw.as(role).post(path, service()) : await gw.as(role).get(path);
    expect(res.status).toBe(403);
  });

  it('records contacts for the case manager only, and shows them to the case manager and the supervisor', async () => {
    const id = await registered();
    const path = `/participants/${id}/contacts`;
    const contact = await gw.as('case_manager').post(path, { contactType: 'video', contactOn: today, summary: 'Talked through the job leads' }).expect(201);
    expect(contact.body).toMatchObject({ participantId: id, contactType: 'video', recordedBy: 'case_manager' });
    expect((await gw.as('supervisor').get(path).expect(200)).body.map((c: { id: string }) => c.id)).toEqual([contact.body.id]);
    await gw.as('supervisor').post(path, { contactType: 'phone', contactOn: today }).expect(403);
    await gw.as('job_developer').get(path).expect(403);
    await gw.as('case_manager').post(path, { contactType: 'phone', contactOn: '2999-01-01' }).expect(422);
    await gw.as('case_manager').post(path, { contactType: 'smoke signal', contactOn: today }).expect(400);
    await gw.as('case_manager').post(`/participants/${randomUUID()}/contacts`, { contactType: 'phone', contactOn: today }).expect(404);
  });

  it('lists the tasks the journey opens and lets the case manager complete one, once', async () => {
    const id = await registered();
    const taskId = `journey-${id}:contact:1`;
    const data = { participantId: id, taskId, kind: 'contact_due' as const, title: 'Monthly contact due', dueOn: today, audience: 'case_manager' as const, openedAt: new Date().toISOString() };
    await journey.publish([{ topic: journeyTaskOpenedV1.topic, envelope: createEvent(journeyTaskOpenedV1, id, data) }]);

    const tasks = await waitFor('the task in planning', async () => {
      const res = await gw.as('case_manager').get(`/participants/${id}/tasks`).expect(200);
      return (res.body as TaskView[]).length === 1 && (res.body as TaskView[]);
    });
    expect(tasks[0]).toMatchObject({ id: taskId, status: 'open', office, participantName: expect.any(String) });
    const mine = await gw.as('supervisor').get(`/tasks?office=${office}&audience=case_manager&dueBefore=${today}&limit=200`).expect(200);
    // Other runs' tasks may share the office; this one is among the day's work.
    expect(mine.body.items.map((t: TaskView) => t.id)).toContain(taskId);
    await gw.as('case_manager').get('/tasks?color=red').expect(400);
    await gw.as('trainer').get('/tasks').expect(403);

    await gw.as('job_developer').post(`/tasks/${encodeURIComponent(taskId)}/complete`, {}).expect(403);
    const done = await gw.as('case_manager').post(`/tasks/${encodeURIComponent(taskId)}/complete`, { note: 'Called' }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', history: [{ status: 'done', by: 'case_manager', note: 'Called' }] });
    await gw.as('supervisor').post(`/tasks/${encodeURIComponent(taskId)}/complete`, {}).expect(409);
    const page = (await gw.as('case_manager').get(`/tasks?office=${office}&status=done&limit=200`).expect(200)).body as Page<TaskView>;
    expect(page.items.map((t) => t.id)).toContain(taskId);
  });

  it('documents the casework routes and their request bodies in the OpenAPI document', async () => {
    const doc = (await gw.as('admin').get('/docs-json').expect(200)).body;
    for (const route of [
      '/api/participants/{id}/services',
      '/api/participants/{id}/services/{serviceId}',
      '/api/participants/{id}/contacts',
      '/api/participants/{id}/tasks',
      '/api/tasks',
      '/api/tasks/{taskId}/complete',
    ])
      expect(Object.keys(doc.paths)).toContain(route);
    const body = doc.paths['/api/participants/{id}/services'].post.requestBody.content['application/json'].schema;
    expect(body.properties.status.enum).toEqual(['scheduled', 'in_progress', 'delivered']);
    expect(body.required).toEqual(expect.arrayContaining(['program', 'category', 'service', 'status', 'startOn']));
  });
});
