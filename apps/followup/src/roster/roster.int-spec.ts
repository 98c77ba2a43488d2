import { ConsumerGroups } from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import { JsonLogger } from '@waypoint/platform';
import { InProcessService, itKeepsTheParticipantDirectoryCurrent, participantRegistered } from '@waypoint/platform/testing';
import { FollowupAppModule } from '../app.module';
import { loadFollowupConfig } from '../config';

// Against the real Kafka and FerretDB: a registration published on intake's topic makes the
// participant one on the follow-up roster, not exited, as GET /roster/:participantId shows.
describe('followup: the roster', () => {
  const config = loadFollowupConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const group = ConsumerGroups.followupParticipantDirectory;
  const participantId = randomUUID();
  let svc: InProcessService;

  beforeAll(async () => {
    const logger = new JsonLogger('followup', 'warn');
    const options = { logger, tokenSecret: config.INTERNAL_TOKEN_SECRET, consumerGroups: [group] };
    svc = await InProcessService.start(FollowupAppModule.register(config, logger), options);
    svc.deleteAtClose('followup_roster', participantId);
  });
  afterAll(() => svc.close());

  it('puts a registered participant on the roster once, however often the registration arrives', async () => {
    const first = participantRegistered({ participantId, firstName: 'Linh', lastName: 'Nguyen' });
    // The event, the same event again (redelivery), then another registration event for the
    // same person: one key, one partition, so once the last is processed so are the others.
    const last = participantRegistered({ participantId, firstName: 'Changed' });
    await svc.publish(first, first, last);
    await svc.waitProcessed(group, last);

    const res = await svc.get(`/roster/${participantId}`, ['supervisor']);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      participantId,
      firstName: 'Linh',
      lastName: 'Nguyen',
      office: 'north-ajc',
      registeredAt: first.envelope.data.registeredAt,
      exitDate: null,
      status: 'not_exited',
    });
    expect(await svc.db.collection<{ _id: string }>('followup_roster').countDocuments({ _id: participantId })).toBe(1);
  });

  itKeepsTheParticipantDirectoryCurrent({
    svc: () => svc,
    group,
    collection: 'followup_roster',
    pathOf: (id) => `/roster/${id}`,
    roles: ['supervisor'],
    completed: ({ participantId, registeredAt }) => ({
      participantId,
      firstName: 'Ada',
      lastName: 'Mensah',
      office: 'east-ajc',
      registeredAt,
      exitDate: null,
      status: 'not_exited',
    }),
  });

  it('answers 404 for someone it has not heard of, 401 without a token and 403 to a role without access', async () => {
    expect((await svc.get(`/roster/${randomUUID()}`, ['case_manager'])).status).toBe(404);
    expect((await svc.get(`/roster/${participantId}`)).status).toBe(401);
    expect((await svc.get(`/roster/${participantId}`, ['trainer'])).status).toBe(403);
  });
});
