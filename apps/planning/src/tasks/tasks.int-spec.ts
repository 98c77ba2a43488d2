import { randomUUID } from 'node:crypto';
import {
  ConsumerGroups,
  journeyTaskClosedV1,
  journeyTaskOpenedV1,
  type JourneyTaskClosedV1,
  type JourneyTaskOpenedV1,
  type Page,
  type TaskView,
} from '@waypoint/contracts';
import { createEvent } from '@waypoint/platform';
import { participantRegistered, participantUpdated } from '@waypoint/platform/testing';
import { dayFromToday, PlanningUnderTest } from '../testing/planning-under-test';

// Tasks from the journey, against the real Kafka and FerretDB: journey.task.opened / closed
// published for real on the journey topic, repeated and out of order, fill the tasks that
// staff list and complete.
describe('planning: tasks from the journey', () => {
  let p: PlanningUnderTest;
  const group = ConsumerGroups.planningJourneyTasks;
  // A fresh office keeps this run's "my work" list apart from whatever else the database holds.
  const office = `t-${randomUUID().slice(0, 8)}`;
  const caseManager = ['case_manager'];

  beforeAll(async () => {
    p = await PlanningUnderTest.start();
  });
  afterAll(() => p.close());

  const opened = (participantId: string, fields: Partial<JourneyTaskOpenedV1> = {}) => {
    const data: JourneyTaskOpenedV1 = {
      participantId,
      taskId: `journey-${participantId}:task:${randomUUID().slice(0, 8)}`,
      kind: 'contact_due',
      title: 'Monthly contact due',
      dueOn: dayFromToday(7),
      audience: 'case_manager',
      program: 'WIOA_ADULT',
      openedAt: new Date().toISOString(),
      ...fields,
    };
    p.svc.deleteAtClose('tasks', data.taskId);
    return { topic: journeyTaskOpenedV1.topic, envelope: createEvent(journeyTaskOpenedV1, participantId, data) };
  };
  const closed = (open: ReturnType<typeof opened>, resolution: JourneyTaskClosedV1['resolution'] = 'done') => {
    const { participantId, taskId } = open.envelope.data;
    const data = { participantId, taskId, resolution, closedAt: new Date().toISOString() };
    return { topic: journeyTaskClosedV1.topic, envelope: createEvent(journeyTaskClosedV1, participantId, data) };
  };
  /** Publishes in order and waits for the last (one person: one partition, so all before it too). */
  const deliver = async (...events: { topic: string; envelope: { id: string } }[]) => {
    await p.svc.publish(...(events as Parameters<typeof p.svc.publish>));
    await p.svc.waitProcessed(group, events[events.length - 1] as Parameters<typeof p.svc.waitProcessed>[1]);
  };
  const tasksOf = async (participantId: string, roles = caseManager): Promise<TaskView[]> => {
    const res = await p.call('GET', `/participants/${participantId}/tasks`, roles);
    expect(res.status).toBe(200);
    return res.body as TaskView[];
  };
  const stored = (taskId: string) => p.svc.db.collection('tasks').findOne({ _id: taskId as never });

  it("opens a task once, with the person's name and office, however often the open is delivered", async () => {
    const id = await p.registerPerson({ office, firstName: 'Grace', lastName: 'Mensah' });
    const open = opened(id);
    await deliver(open, open, opened(id, { taskId: open.envelope.data.taskId, title: 'A repeat under a new event id' }));
    expect(await tasksOf(id)).toEqual([
      {
        id: open.envelope.data.taskId,
        participantId: id,
        participantName: 'Grace Mensah',
        office,
        kind: 'contact_due',
        title: 'Monthly contact due',
        dueOn: dayFromToday(7),
        audience: 'case_manager',
        program: 'WIOA_ADULT',
        status: 'open',
        openedAt: open.envelope.data.openedAt,
        history: [],
      },
    ]);
  });

  it('closes a task the journey closes, once, with the journey in its history', async () => {
    const id = await p.registerPerson({ office });
    const open = opened(id);
    const close = closed(open, 'obsolete');
    await deliver(open, close, close, closed(open, 'obsolete'));
    const [task] = await tasksOf(id);
    expect(task).toMatchObject({ status: 'obsolete', history: [{ status: 'obsolete', by: 'journey', at: close.envelope.data.closedAt }] });
  });

  it('keeps a close that arrives before its open, and the open then fills in a closed task', async () => {
    const id = await p.registerPerson({ office });
    const open = opened(id, { kind: 'plan_due', title: 'Plan due' });
    await deliver(closed(open));
    // Known only from its close: not listed yet, and staff cannot complete it.
    expect(await tasksOf(id)).toEqual([]);
    expect((await p.call('POST', `/tasks/${encodeURIComponent(open.envelope.data.taskId)}/complete`, caseManager, {})).status).toBe(404);

    await deliver(open);
    expect(await tasksOf(id)).toEqual([
      expect.objectContaining({ id: open.envelope.data.taskId, kind: 'plan_due', title: 'Plan due', status: 'done', history: [expect.objectContaining({ by: 'journey' })] }),
    ]);
    expect(await stored(open.envelope.data.taskId)).not.toHaveProperty('awaitingOpen');
  });

  it('lets staff complete an open task once; a task the journey closed answers 409', async () => {
    const id = await p.registerPerson({ office });
    const mine = opened(id);
    const journeys = opened(id, { kind: 'reassessment_due', title: 'Reassessment due' });
    await deliver(mine, journeys, closed(journeys));
    const complete = (taskId: string, roles = caseManager) => p.call('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, roles, { note: 'Called her' });

    expect((await complete(mine.envelope.data.taskId, ['job_developer'])).status).toBe(403);
    const done = await complete(mine.envelope.data.taskId, ['supervisor']);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', history: [{ status: 'done', by: 'tester', note: 'Called her', at: expect.any(String) }] });
    const again = await complete(mine.envelope.data.taskId);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already closed \(done\) by tester/);
    const closedByJourney = await complete(journeys.envelope.data.taskId);
    expect(closedByJourney.status).toBe(409);
    expect(closedByJourney.body.message).toMatch(/by the journey/);
    expect((await complete(`journey-${randomUUID()}:task:1`)).status).toBe(404);

    // The journey closing a task staff completed leaves it done and notes the closure.
    await deliver(closed(mine));
    const after = (await tasksOf(id)).find((t) => t.id === mine.envelope.data.taskId);
    expect(after).toMatchObject({ status: 'done', history: [{ by: 'tester' }, { by: 'journey', status: 'done' }] });
  });

  it("lists the person's open tasks first, each group soonest due first", async () => {
    const id = await p.registerPerson({ office });
    const later = opened(id, { dueOn: dayFromToday(30) });
    const sooner = opened(id, { dueOn: dayFromToday(2) });
    const closedEarly = opened(id, { dueOn: dayFromToday(1) });
    await deliver(later, sooner, closedEarly, closed(closedEarly));
    expect((await tasksOf(id, ['supervisor'])).map((t) => [t.id, t.status])).toEqual([
      [sooner.envelope.data.taskId, 'open'],
      [later.envelope.data.taskId, 'open'],
      [closedEarly.envelope.data.taskId, 'done'],
    ]);
    expect((await p.call('GET', `/participants/${id}/tasks`, ['trainer'])).status).toBe(403);
    expect((await p.call('GET', `/participants/${randomUUID()}/tasks`, caseManager)).status).toBe(404);
  });

  it('pages the "my work" list by due date within an office and audience, and filters by due date and status', async () => {
    // An office of its own: the other tests' tasks are due sooner.
    const myOffice = `${office}-w`;
    const a = await p.registerPerson({ office: myOffice });
    const b = await p.registerPerson({ office: myOffice });
    const elsewhere = await p.registerPerson({ office: `${office}-x` });
    const due = [1, 3, 3, 5].map((d, i) => opened(i % 2 ? a : b, { dueOn: dayFromToday(100 + d), audience: 'supervisor', kind: 'contact_overdue' }));
    const other = opened(elsewhere, { dueOn: dayFromToday(100), audience: 'supervisor' });
    const forCaseManager = opened(a, { dueOn: dayFromToday(100) });
    for (const e of [...due, other, forCaseManager]) await deliver(e);
    const shut = opened(b, { dueOn: dayFromToday(102), audience: 'supervisor' });
    await deliver(shut, closed(shut));

    const page = async (query: string): Promise<Page<TaskView>> => {
      const res = await p.call('GET', `/tasks?office=${myOffice}&audience=supervisor&${query}`, ['supervisor']);
      expect(res.status).toBe(200);
      return res.body as Page<TaskView>;
    };
    const expected = [...due].sort((x, y) => (x.envelope.data.dueOn + x.envelope.data.taskId).localeCompare(y.envelope.data.dueOn + y.envelope.data.taskId));
    const first = await page('limit=3');
    const second = await page(`limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(expected.map((e) => e.envelope.data.taskId));
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ participantName: 'Ada Okafor', office: myOffice, status: 'open' });

    expect((await page(`dueBefore=${dayFromToday(103)}`)).items.map((t) => t.dueOn)).toEqual([dayFromToday(101), dayFromToday(103), dayFromToday(103)]);
    expect((await page('status=done')).items.map((t) => t.id)).toEqual([shut.envelope.data.taskId]);
    const everyAudience = await p.call('GET', `/tasks?office=${myOffice}&dueBefore=${dayFromToday(100)}`, caseManager);
    expect((everyAudience.body as Page<TaskView>).items.map((t) => t.id)).toEqual([forCaseManager.envelope.data.taskId]);
    expect((await p.call('GET', '/tasks?cursor=not-ours', caseManager)).status).toBe(400);
    expect((await p.call('GET', '/tasks?limit=500', caseManager)).status).toBe(400);
    expect((await p.call('GET', '/tasks', ['intake_worker'])).status).toBe(403);
  });

  it('shows the name and office on a task opened before planning knew the person, and keeps them current', async () => {
    const registration = participantRegistered({ office, firstName: 'Late', lastName: 'Comer' });
    const id = registration.envelope.participantId;
    p.svc.deleteAtClose('participant_directory', id);
    const open = opened(id);
    await deliver(open);
    expect(await stored(open.envelope.data.taskId)).not.toHaveProperty('office');

    await p.svc.publish(registration);
    await p.svc.waitProcessed(ConsumerGroups.planningCaseworkDirectory, registration);
    expect(await stored(open.envelope.data.taskId)).toMatchObject({ participantName: 'Late Comer', office });
    expect(await p.svc.db.collection('task_directory_waits').findOne({ _id: id as never })).toBeNull();

    const moved = participantUpdated({ participantId: id, version: 2, changes: { lastName: 'Comer-Diaz', office: `${office}-y` } });
    await p.svc.publish(moved);
    await p.svc.waitProcessed(ConsumerGroups.planningCaseworkDirectory, moved);
    expect((await tasksOf(id))[0]).toMatchObject({ participantName: 'Late Comer-Diaz', office: `${office}-y` });
  });
});
