import { randomBytes } from 'node:crypto';
import {
  ConsumerGroups,
  journeyPhaseChangedV1,
  journeyStatusChangedV1,
  utcToday,
  type JourneyStatusChangedV1,
  type ParticipantDetail,
  type ParticipantSummary,
} from '@waypoint/contracts';
import { createEvent, JsonLogger } from '@waypoint/platform';
import { InProcessService } from '@waypoint/platform/testing';
import { IntakeAppModule } from '../app.module';
import { loadIntakeConfig } from '../config';

// Against the real Kafka and FerretDB: journey.status.changed published on the journey topic
// (namespaced, as the workflow's activity publishes it) reaches intake's projection, and the
// participant list and record show phase, last service, days since it, next deadline and a
// proposed exit; an older or repeated status never moves them back.
describe('intake: journey status on the participant list', () => {
  const config = loadIntakeConfig({ ...process.env, LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '100' });
  const group = ConsumerGroups.intakeJourneyProjection;
  // A surname nobody else has, so a name search finds only this file's people.
  const family = Array.from(randomBytes(10), (b, i) => String.fromCharCode((i ? 97 : 65) + (b % 26))).join('');
  let svc: InProcessService;

  beforeAll(async () => {
    const logger = new JsonLogger('intake', 'warn');
    svc = await InProcessService.start(IntakeAppModule.register(config, logger), { logger, tokenSecret: config.INTERNAL_TOKEN_SECRET, consumerGroups: [group] });
  });
  afterAll(() => svc.close());

  const daysAgo = (n: number) => utcToday(new Date(Date.now() - n * 86_400_000));

  async function register(firstName: string): Promise<string> {
    const res = await fetch(`${svc.baseUrl}/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${svc.token(['intake_worker'])}`, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName, lastName: family, dateOfBirth: '1988-02-29', phone: '612-555-0142', office: 'north-ajc', programsOfInterest: ['WIOA_ADULT'] }),
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as ParticipantDetail).id;
    svc.deleteAtClose('participants', id);
    return id;
  }

  const status = (participantId: string, data: Partial<JourneyStatusChangedV1> & { revision: number }) => {
    const full: JourneyStatusChangedV1 = {
      participantId,
      phase: 'services',
      lastServiceOn: null,
      nextDeadline: null,
      exitProposedOn: null,
      openTasks: 0,
      changedAt: new Date().toISOString(),
      ...data,
    };
    return { topic: journeyStatusChangedV1.topic, envelope: createEvent(journeyStatusChangedV1, participantId, full) };
  };

  async function listed(id: string): Promise<ParticipantSummary> {
    const res = await svc.get(`/participants?q=${family}&limit=50`, ['case_manager']);
    expect(res.status).toBe(200);
    const row = ((await res.json()) as { items: ParticipantSummary[] }).items.find((p) => p.id === id);
    if (!row) throw new Error(`participant ${id} is not in the list`);
    return row;
  }

  it('shows no journey figures before the first status arrives', async () => {
    const id = await register('Nadia');
    expect(await listed(id)).toMatchObject({ phase: null, lastServiceOn: null, daysSinceLastService: null, nextDeadline: null, exitProposedOn: null, openTasks: 0 });
  });

  it('shows phase, last service, days since it (counted today), the next deadline and open tasks', async () => {
    const id = await register('Tomasz');
    const deadline = { kind: 'contact_due' as const, dueOn: daysAgo(-5), label: 'Monthly contact due', program: 'WIOA_ADULT' };
    const s = status(id, { revision: 3, phase: 'services', lastServiceOn: daysAgo(12), nextDeadline: deadline, openTasks: 2 });
    await svc.publish(s);
    await svc.waitProcessed(group, s);

    const expected = { phase: 'services', lastServiceOn: daysAgo(12), daysSinceLastService: 12, nextDeadline: deadline, exitProposedOn: null, openTasks: 2 };
    expect(await listed(id)).toMatchObject(expected);
    const detail = await svc.get(`/participants/${id}`, ['case_manager']);
    expect(await detail.json()).toMatchObject(expected);
  });

  it('never moves back: a repeated status, the same revision again and an older one change nothing', async () => {
    const id = await register('Amara');
    const exitDeadline = { kind: 'exit_inactivity' as const, dueOn: daysAgo(1), label: 'Exit review' };
    const r4 = status(id, { revision: 4, phase: 'services', lastServiceOn: daysAgo(91), nextDeadline: exitDeadline, exitProposedOn: daysAgo(91), openTasks: 1 });
    // The same revision announced again under a new event id, then revision 2 late.
    const r4Again = status(id, { ...r4.envelope.data, openTasks: 7 });
    const r2 = status(id, { revision: 2, phase: 'planning', lastServiceOn: daysAgo(120), openTasks: 0 });
    await svc.publish(r4, r4, r4Again, r2);
    await svc.waitProcessed(group, r2);

    expect(await listed(id)).toMatchObject({
      phase: 'services',
      lastServiceOn: daysAgo(91),
      daysSinceLastService: 91,
      nextDeadline: exitDeadline,
      exitProposedOn: daysAgo(91),
      openTasks: 1,
    });
    const stored = await svc.db.collection<{ _id: string }>('participants').findOne({ _id: id });
    expect(stored).toMatchObject({ journeyStatus: { revision: 4 } });
  });

  it('applies a newer status after a phase change, and clears the proposal once the exit is confirmed', async () => {
    const id = await register('Oskar');
    const phase = {
      topic: journeyPhaseChangedV1.topic,
      envelope: createEvent(journeyPhaseChangedV1, id, {
        participantId: id,
        workflowId: `journey-${id}`,
        phase: 'services',
        sequence: 5,
        changedAt: new Date().toISOString(),
      }),
    };
    const proposed = status(id, { revision: 5, phase: 'services', lastServiceOn: daysAgo(90), exitProposedOn: daysAgo(90), openTasks: 1 });
    const followUp = { kind: 'follow_up_contact' as const, dueOn: daysAgo(-30), label: 'Follow-up contact (day 30)' };
    const exited = status(id, { revision: 6, phase: 'follow_up', lastServiceOn: daysAgo(90), nextDeadline: followUp, exitProposedOn: null, openTasks: 0 });
    await svc.publish(phase, proposed, exited);
    await svc.waitProcessed(group, exited);

    expect(await listed(id)).toMatchObject({ phase: 'follow_up', daysSinceLastService: 90, nextDeadline: followUp, exitProposedOn: null, openTasks: 0 });
  });
});
