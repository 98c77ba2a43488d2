import { ConsumerGroups } from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import type { Page } from '@waypoint/contracts';
import { JsonLogger } from '@waypoint/platform';
import { InProcessService, participantRegistered, participantUpdated } from '@waypoint/platform/testing';
import { PlanningAppModule } from '../app.module';
import { loadPlanningConfig } from '../config';
import type { PlanQueueItem } from './plan-queue.repository';

// Against the real Kafka and FerretDB: intake's registration events, published for real,
// fill the plan queue that GET /plan-queue pages through. A fresh office keeps the test's
// queue apart from whatever else the database holds.
describe('planning: the plan queue', () => {
  const config = loadPlanningConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const group = ConsumerGroups.planningParticipantDirectory;
  const office = `Plan queue test ${randomUUID()}`;
  let svc: InProcessService;

  const registration = (registeredAt: string) => {
    const event = participantRegistered({ office, registeredAt });
    svc.deleteAtClose('plan_queue', event.envelope.participantId);
    return event;
  };
  const queue = async (query: string): Promise<Page<PlanQueueItem>> => {
    const res = await svc.get(`/plan-queue?office=${encodeURIComponent(office)}&${query}`, ['case_manager']);
    expect(res.status).toBe(200);
    return (await res.json()) as Page<PlanQueueItem>;
  };

  beforeAll(async () => {
    const logger = new JsonLogger('planning', 'warn');
    const options = { logger, tokenSecret: config.INTERNAL_TOKEN_SECRET, consumerGroups: [group] };
    svc = await InProcessService.start(PlanningAppModule.register(config, logger), options);
  });
  afterAll(() => svc.close());

  it('queues each registered participant once, oldest first, in keyset pages', async () => {
    const first = registration('2026-01-05T09:00:00.000Z');
    const second = registration('2026-01-05T10:00:00.000Z');
    const third = registration('2026-01-06T08:30:00.000Z');
    // The third's event twice (a redelivery), then another registration event for the same
    // person: one key, one partition, so once the last is processed so are the third's
    // earlier ones. The first and second are other people (other partitions): wait for them too.
    const last = participantRegistered({ ...third.envelope.data, firstName: 'Changed' });
    await svc.publish(third, first, second, third, last);
    for (const e of [first, second, last]) await svc.waitProcessed(group, e);

    const page1 = await queue('limit=2');
    const { participantId, firstName, lastName, programsOfInterest, registeredAt } = first.envelope.data;
    expect(page1.items).toEqual([
      { participantId, firstName, lastName, office, programsOfInterest, registeredAt, status: 'awaiting_plan' },
      expect.objectContaining({ participantId: second.envelope.participantId }),
    ]);
    const page2 = await queue(`limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items).toEqual([expect.objectContaining({ participantId: third.envelope.participantId, firstName: 'Ada' })]);
    expect(page2.nextCursor).toBeNull();
  });

  it('shows a corrected name and office, and moves the person to the queue of the new office', async () => {
    const registered = registration('2026-02-01T09:00:00.000Z');
    const { participantId } = registered.envelope;
    const newOffice = `${office} (moved)`;
    const update = participantUpdated({ participantId, version: 2, changes: { lastName: 'Okafor-Reyes', office: newOffice } });
    await svc.publish(registered, update);
    await svc.waitProcessed(group, update);

    expect((await queue('limit=200')).items.map((i) => i.participantId)).not.toContain(participantId);
    const res = await svc.get(`/plan-queue?office=${encodeURIComponent(newOffice)}`, ['case_manager']);
    expect(((await res.json()) as Page<PlanQueueItem>).items).toEqual([
      expect.objectContaining({ participantId, firstName: 'Ada', lastName: 'Okafor-Reyes', office: newOffice, status: 'awaiting_plan' }),
    ]);
  });

  it('never moves back: a redelivered update and an older update after a newer one change nothing', async () => {
    const registered = registration('2026-02-02T09:00:00.000Z');
    const { participantId } = registered.envelope;
    const v2 = participantUpdated({ participantId, version: 2, changes: { firstName: 'Second' } });
    const v3 = participantUpdated({ participantId, version: 3, changes: { firstName: 'Third', programsOfInterest: ['WIOA_YOUTH'] } });
    // v3 again as the very same event, v3 announced again under a new event id, then v2 late.
    const v3Again = participantUpdated({ ...v3.envelope.data });
    const late = participantUpdated({ ...v2.envelope.data });
    await svc.publish(registered, v2, v3, v3, v3Again, late);
    await svc.waitProcessed(group, late);

    const entry = (await queue('limit=200')).items.find((i) => i.participantId === participantId);
    expect(entry).toMatchObject({ firstName: 'Third', lastName: 'Okafor', programsOfInterest: ['WIOA_YOUTH'] });
    expect(await svc.db.collection<{ _id: string }>('plan_queue').findOne({ _id: participantId })).toMatchObject({ version: 3 });
  });

  it('keeps an update that comes before the registration, and the registration then completes the entry', async () => {
    const registered = participantRegistered({ office: 'Somewhere else', registeredAt: '2026-02-03T09:00:00.000Z' });
    const { participantId } = registered.envelope;
    svc.deleteAtClose('plan_queue', participantId);
    const update = participantUpdated({ participantId, version: 2, changes: { lastName: 'Mensah', office } });
    await svc.publish(update);
    await svc.waitProcessed(group, update);
    // Not queued yet: the person is only known from the update.
    expect((await queue('limit=200')).items.map((i) => i.participantId)).not.toContain(participantId);

    await svc.publish(registered);
    await svc.waitProcessed(group, registered);
    const entry = (await queue('limit=200')).items.find((i) => i.participantId === participantId);
    expect(entry).toEqual({
      participantId,
      firstName: 'Ada',
      lastName: 'Mensah',
      office,
      programsOfInterest: ['WIOA_ADULT'],
      registeredAt: '2026-02-03T09:00:00.000Z',
      status: 'awaiting_plan',
    });
  });

  it('rejects a cursor it did not issue', async () => {
    expect((await svc.get('/plan-queue?cursor=not-a-cursor', ['supervisor'])).status).toBe(400);
  });

  it('answers 401 without a token and 403 to a role that does not work the queue', async () => {
    expect((await svc.get('/plan-queue')).status).toBe(401);
    expect((await svc.get('/plan-queue', ['intake_worker'])).status).toBe(403);
  });

  it('reports kafka and mongo up on GET /health, without a token', async () => {
    const res = await svc.get('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { kafka: { status: 'up' }, mongo: { status: 'up' } } });
  });
});
