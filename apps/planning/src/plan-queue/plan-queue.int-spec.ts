import { ConsumerGroups } from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import type { Page } from '@waypoint/contracts';
import { JsonLogger } from '@waypoint/platform';
import { InProcessService, participantRegistered } from '@waypoint/platform/testing';
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
    // person: one key, one partition, so once the last is processed so are the others.
    const last = participantRegistered({ ...third.envelope.data, firstName: 'Changed' });
    await svc.publish(third, first, second, third, last);
    await svc.waitProcessed(group, last);

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
