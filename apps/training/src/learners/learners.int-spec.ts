import { ConsumerGroups } from '@waypoint/contracts';
import { randomUUID } from 'node:crypto';
import { JsonLogger } from '@waypoint/platform';
import { InProcessService, itKeepsTheParticipantDirectoryCurrent, participantRegistered } from '@waypoint/platform/testing';
import { TrainingAppModule } from '../app.module';
import { loadTrainingConfig } from '../config';

// Against the real Kafka and FerretDB: a registration published on intake's topic makes the
// participant a learner that GET /learners/:participantId shows.
describe('training: the learner directory', () => {
  const config = loadTrainingConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const group = ConsumerGroups.trainingParticipantDirectory;
  const participantId = randomUUID();
  let svc: InProcessService;

  beforeAll(async () => {
    const logger = new JsonLogger('training', 'warn');
    const options = { logger, tokenSecret: config.INTERNAL_TOKEN_SECRET, consumerGroups: [group] };
    svc = await InProcessService.start(TrainingAppModule.register(config, logger), options);
    svc.deleteAtClose('learners', participantId);
  });
  afterAll(() => svc.close());

  it('adds a registered participant once, however often the registration arrives', async () => {
    const first = participantRegistered({ participantId, firstName: 'Linh', lastName: 'Nguyen' });
    // The event, the same event again (redelivery), then another registration event for the
    // same person: one key, one partition, so once the last is processed so are the others.
    const last = participantRegistered({ participantId, firstName: 'Changed' });
    await svc.publish(first, first, last);
    await svc.waitProcessed(group, last);

    const res = await svc.get(`/learners/${participantId}`, ['trainer']);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ participantId, firstName: 'Linh', lastName: 'Nguyen', office: 'north-ajc' });
    expect(await svc.db.collection<{ _id: string }>('learners').countDocuments({ _id: participantId })).toBe(1);
  });

  itKeepsTheParticipantDirectoryCurrent({
    svc: () => svc,
    group,
    collection: 'learners',
    pathOf: (id) => `/learners/${id}`,
    roles: ['trainer'],
    completed: ({ participantId }) => ({ participantId, firstName: 'Ada', lastName: 'Mensah', office: 'east-ajc' }),
  });

  it('answers 404 for someone it has not heard of, 401 without a token and 403 to a role without access', async () => {
    expect((await svc.get(`/learners/${randomUUID()}`, ['case_manager'])).status).toBe(404);
    expect((await svc.get(`/learners/${participantId}`)).status).toBe(401);
    expect((await svc.get(`/learners/${participantId}`, ['job_developer'])).status).toBe(403);
  });
});
