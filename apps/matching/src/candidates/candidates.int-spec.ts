import { ConsumerGroups } from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import { JsonLogger } from '@waypoint/platform';
import { InProcessService, itKeepsTheParticipantDirectoryCurrent, participantRegistered } from '@waypoint/platform/testing';
import { MatchingAppModule } from '../app.module';
import { loadMatchingConfig } from '../config';

// Against the real Kafka and FerretDB: a registration published on intake's topic makes the
// participant a candidate whose profile GET /candidates/:participantId shows.
describe('matching: candidate profiles', () => {
  const config = loadMatchingConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const group = ConsumerGroups.matchingParticipantDirectory;
  const participantId = randomUUID();
  let svc: InProcessService;

  beforeAll(async () => {
    const logger = new JsonLogger('matching', 'warn');
    const options = { logger, tokenSecret: config.INTERNAL_TOKEN_SECRET, consumerGroups: [group] };
    svc = await InProcessService.start(MatchingAppModule.register(config, logger), options);
    svc.deleteAtClose('candidates', participantId);
  });
  afterAll(() => svc.close());

  it('seeds one profile per registered participant, however often the registration arrives', async () => {
    const first = participantRegistered({ participantId, firstName: 'Linh', lastName: 'Nguyen' });
    // The event, the same event again (redelivery), then another registration event for the
    // same person: one key, one partition, so once the last is processed so are the others.
    const last = participantRegistered({ participantId, firstName: 'Changed' });
    await svc.publish(first, first, last);
    await svc.waitProcessed(group, last);

    const res = await svc.get(`/candidates/${participantId}`, ['job_developer']);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      participantId,
      firstName: 'Linh',
      lastName: 'Nguyen',
      office: 'north-ajc',
      programsOfInterest: ['WIOA_ADULT'],
    });
    expect(await svc.db.collection<{ _id: string }>('candidates').countDocuments({ _id: participantId })).toBe(1);
  });

  itKeepsTheParticipantDirectoryCurrent({
    svc: () => svc,
    group,
    collection: 'candidates',
    pathOf: (id) => `/candidates/${id}`,
    roles: ['job_developer'],
    completed: ({ participantId, programsOfInterest }) => ({
      participantId,
      firstName: 'Ada',
      lastName: 'Mensah',
      office: 'east-ajc',
      programsOfInterest,
    }),
  });

  it('answers 404 for someone it has not heard of, 401 without a token and 403 to a role without access', async () => {
    expect((await svc.get(`/candidates/${randomUUID()}`, ['case_manager'])).status).toBe(404);
    expect((await svc.get(`/candidates/${participantId}`)).status).toBe(401);
    expect((await svc.get(`/candidates/${participantId}`, ['trainer'])).status).toBe(403);
  });
});
