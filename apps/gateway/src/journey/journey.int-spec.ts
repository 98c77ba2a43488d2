import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { utcToday, type JourneyNotStartedBody, type JourneyStateView, type ParticipantSummary, type ValidationErrorBody } from '@waypoint/contracts';
import { JOURNEY_TASK_QUEUE, JOURNEY_WORKFLOW_TYPE, journeyWorkflowId } from '@waypoint/journey-workflows';
import { JsonLogger, namespaced } from '@waypoint/platform';
import { startService, waitFor, waitHealthy, type ServiceProcess } from '@waypoint/platform/testing';
import request from 'supertest';
import { loadGatewayConfig } from '../config';
import { createGateway } from '../create-gateway';
import { freePort, GatewayWithIntake, uniqueName, type StaffRole } from '../testing/gateway-with-intake';

// The journey through the gateway as staff-web calls it, against the real engines: intake and
// the journey service each as their own process (as `npm start` runs them), the gateway in
// this process. Registering a person starts their journey workflow on the Temporal dev server
// (task queue namespaced, so other stacks' workers never run it).
describe('gateway: the participant journey', () => {
  const config = loadGatewayConfig();
  let gw: GatewayWithIntake;
  let journey: ServiceProcess;
  let temporal: Connection;

  beforeAll(async () => {
    gw = await GatewayWithIntake.start();
    const port = await freePort();
    journey = startService('journey', { JOURNEY_PORT: String(port), LOG_LEVEL: 'warn' }, 'journey-for-gateway');
    await waitHealthy(journey, `http://127.0.0.1:${port}/health`);
    temporal = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  }, 120_000);

  afterAll(async () => {
    // Journeys wait for years: end every one on this namespace's task queue (this file's, and
    // those its journey service started from the namespace's earlier registrations).
    const client = new Client({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE });
    const running = client.workflow.list({ query: `TaskQueue = '${namespaced(JOURNEY_TASK_QUEUE)}' AND ExecutionStatus = 'Running'` });
    for await (const wf of running) await client.workflow.getHandle(wf.workflowId).terminate('test finished').catch(() => undefined);
    await temporal?.close();
    await journey?.stop();
    await gw?.close();
  });

  /** Registers a person and waits until their journey answers (it starts from intake's event). */
  async function personWithJourney(fields: Record<string, unknown> = {}): Promise<{ id: string; journey: JourneyStateView }> {
    const id = await gw.registerUniquePerson(fields);
    const res = await waitFor(`the journey of ${id}`, async () => {
      const r = await gw.as('case_manager').get(`/participants/${id}/journey`);
      return r.status === 200 && r;
    });
    return { id, journey: res.body as JourneyStateView };
  }

  const confirm = (id: string, body: object, as: StaffRole = 'case_manager') => gw.as(as).post(`/participants/${id}/journey/exit-confirmation`, body);
  const reopen = (id: string, body: object, as: StaffRole = 'case_manager') => gw.as(as).post(`/participants/${id}/journey/reopen`, body);

  describe('reading', () => {
    it('shows a newly registered person’s journey, live from the workflow, with days counted to today', async () => {
      const { id, journey: j } = await personWithJourney();
      expect(j).toMatchObject({
        live: true,
        participantId: id,
        workflowId: journeyWorkflowId(id),
        phase: 'intake',
        asOf: utcToday(),
        lastServiceOn: null,
        daysSinceLastService: null,
        exitProposal: null,
        exit: null,
      });
      expect(j.history.map((h) => h.phase)).toEqual(['intake']);
      // The workflow's bookkeeping stays inside it.
      expect(j).not.toHaveProperty('appliedEventIds');

      // Every staff role that reads people reads the journey; the participant page shows its phase.
      for (const role of ['intake_worker', 'supervisor', 'admin', 'job_developer', 'trainer'] as const) {
        await gw.as(role).get(`/participants/${id}/journey`).expect(200);
      }
      const page = await gw.as('trainer').get(`/participants/${id}`).expect(200);
      expect(page.body.journey).toEqual({ workflowId: journeyWorkflowId(id), phase: 'intake', live: true });
    });

    it('answers 404 { live: false, reason } for a person whose journey has not started', async () => {
      const id = randomUUID();
      const res = await gw.as('case_manager').get(`/participants/${id}/journey`).expect(404);
      expect(res.body as JourneyNotStartedBody).toMatchObject({ statusCode: 404, live: false, participantId: id, workflowId: journeyWorkflowId(id), reason: expect.stringMatching(/not started/) });
    });

    it('answers 401 to anyone not signed in', async () => {
      await gw.as().get(`/participants/${randomUUID()}/journey`).expect(401);
    });
  });

  describe('acting', () => {
    it('lets only case managers and supervisors confirm an exit or reopen', async () => {
      const id = randomUUID();
      for (const role of ['intake_worker', 'admin', 'job_developer', 'trainer'] as const) {
        await confirm(id, { reason: 'health' }, role).expect(403);
        await reopen(id, { reason: 'Back in the area' }, role).expect(403);
      }
    });

    it('rejects invalid fields and a malformed Idempotency-Key with 400, before asking the workflow', async () => {
      const id = randomUUID();
      const bad = await confirm(id, { reason: 'bored', exitOn: '2026-02-30', extra: 1 }).expect(400);
      expect((bad.body as ValidationErrorBody).errors.map((e) => e.field)).toEqual(expect.arrayContaining(['reason', 'exitOn']));
      const empty = await reopen(id, { reason: '  ' }).expect(400);
      expect((empty.body as ValidationErrorBody).errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      const key = await gw.as('case_manager').post(`/participants/${id}/journey/reopen`).set('idempotency-key', 'no spaces!').send({ reason: 'Back' }).expect(400);
      expect((key.body as ValidationErrorBody).errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });

    it('answers 404 to an action on a journey that has not started', async () => {
      await confirm(randomUUID(), { reason: 'health' }).expect(404);
    });
  });

  describe('exit and reopen (the journey workflow’s updates)', () => {
    it('confirms an early exit for a performance exclusion, turns down a second confirmation with 422, and reopens to services', async () => {
      const { id } = await personWithJourney();
      const exited = await confirm(id, { reason: 'health', note: 'Inpatient treatment, expected over 90 days' }).expect(200);
      const afterExit = exited.body as JourneyStateView;
      expect(['exited', 'follow_up']).toContain(afterExit.phase);
      expect(afterExit.exit).toMatchObject({ reason: 'health', confirmedBy: 'case_manager' });

      // Already exited, and lost_contact is no performance exclusion: the workflow says why.
      const again = await confirm(id, { reason: 'lost_contact' }).expect(422);
      // The workflow's own words, as the message and as the field error.
      expect(again.body as ValidationErrorBody).toMatchObject({ statusCode: 422, message: expect.stringMatching(/already exited/), errors: [{ field: 'reason', message: expect.stringMatching(/already exited/) }] });
      const unchanged = await gw.as('case_manager').get(`/participants/${id}/journey`).expect(200);
      expect(unchanged.body).toMatchObject({ phase: afterExit.phase, exit: { reason: 'health' } });

      const reopened = await reopen(id, { reason: 'Treatment ended; back for training' }, 'supervisor').expect(200);
      expect(reopened.body).toMatchObject({ phase: 'services', exit: null });
      expect((reopened.body as JourneyStateView).history.map((h) => h.phase)).toEqual(expect.arrayContaining(['intake', afterExit.phase, 'services']));
    });

    it('shows on the participant list what the workflow reports: phase and next deadline after the exit', async () => {
      const lastName = uniqueName();
      const { id } = await personWithJourney({ lastName });
      await confirm(id, { reason: 'incarcerated' }).expect(200);
      // journey.status.changed → intake's projection → the list (at least once, in order).
      const row = await waitFor(`the list to show ${id} in follow-up`, async () => {
        const res = await gw.as('supervisor').get(`/participants?q=${lastName}`).expect(200);
        const found = (res.body.items as ParticipantSummary[]).find((p) => p.id === id);
        return found?.phase === 'follow_up' && found;
      });
      expect(row).toMatchObject({ exitProposedOn: null, nextDeadline: expect.objectContaining({ kind: 'follow_up_contact' }) });
      expect(row.nextDeadline?.dueOn && row.nextDeadline.dueOn > utcToday()).toBe(true);
    });

    it('turns down reopening a case that is not exited with 422', async () => {
      const { id } = await personWithJourney();
      const res = await reopen(id, { reason: 'Nothing to reopen' }).expect(422);
      expect((res.body as ValidationErrorBody).errors).toEqual([{ field: 'reason', message: expect.stringMatching(/exited/) }]);
      await gw.as('case_manager').get(`/participants/${id}/journey`).expect(200).expect((r) => expect(r.body.phase).toBe('intake'));
    });

    it('confirms once for one Idempotency-Key: the retry gets the first answer', async () => {
      const { id } = await personWithJourney();
      const key = `exit-${randomUUID()}`;
      const send = (reason: string) => gw.as('supervisor').post(`/participants/${id}/journey/exit-confirmation`).set('idempotency-key', key).send({ reason });
      const first = await send('deceased').expect(200);
      const retry = await send('deceased').expect(200);
      expect(retry.body).toEqual(first.body);
      expect((first.body as JourneyStateView).exit).toMatchObject({ reason: 'deceased', confirmedBy: 'supervisor' });
    });
  });

  it('documents the journey routes in the OpenAPI document, with the request schemas from the contracts', async () => {
    const doc = (await gw.as('admin').get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/participants/{id}/journey', '/api/participants/{id}/journey/exit-confirmation', '/api/participants/{id}/journey/reopen']),
    );
    const confirmBody = doc.paths['/api/participants/{id}/journey/exit-confirmation'].post.requestBody.content['application/json'].schema;
    expect(confirmBody.required).toEqual(['reason']);
    expect(confirmBody.properties.reason.enum).toEqual(expect.arrayContaining(['health', 'lost_contact']));
    expect(Object.keys(doc.paths['/api/participants/{id}/journey'].get.responses)).toEqual(expect.arrayContaining(['200', '404', '503']));
  });

  it('answers 503 within seconds when no journey worker answers', async () => {
    // A journey on a task queue nobody polls: the query can never be answered.
    const client = new Client({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE });
    const id = randomUUID();
    const taskQueue = namespaced('journey-nobody-polls');
    await client.workflow.start(JOURNEY_WORKFLOW_TYPE, { workflowId: journeyWorkflowId(id), taskQueue, args: [{ participantId: id, correlationId: `corr-${id}` }] });
    try {
      const started = Date.now();
      const res = await gw.as('case_manager').get(`/participants/${id}/journey`).expect(503);
      expect(res.body.message).toMatch(/journey service is unavailable/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await client.workflow.getHandle(journeyWorkflowId(id)).terminate('test finished');
    }
  }, 30_000);

  it('answers 503 when Temporal cannot be reached', async () => {
    const closedPort = await freePort();
    const offline = loadGatewayConfig({ ...process.env, TEMPORAL_ADDRESS: `127.0.0.1:${closedPort}`, INTAKE_URL: config.INTAKE_URL });
    const app = await createGateway(offline, { logger: new JsonLogger('gateway', 'error') });
    try {
      await app.listen(0, '127.0.0.1');
      const res = await request(await app.getUrl())
        .get(`/api/participants/${randomUUID()}/journey`)
        .set('authorization', `Bearer ${gw.token(['case_manager'])}`)
        .expect(503);
      expect(res.body.message).toMatch(/journey service is unavailable/);
    } finally {
      await app.close();
    }
  }, 30_000);
});

/** A port nobody listens on right now (the OS picks it; the server closes again at once). */
