import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { Topics, type EventEnvelope } from '@waypoint/contracts';
import { Audiences, createHttpApp, createKafka, JsonLogger, TokenSigner } from '@waypoint/platform';
import { TopicReader, waitFor } from '@waypoint/platform/testing';
import { IntakeAppModule } from '../app.module';
import { loadIntakeConfig } from '../config';
import { AssessmentsRepository } from './assessments.repository';
import { barriersBody, interestBody, questionnaireBody, readinessBody } from './assessment-requests.testing';

// The intake service in-process against real FerretDB and Kafka, called as the gateway calls it.
describe('intake assessments API', () => {
  const config = loadIntakeConfig({ ...process.env, OUTBOX_POLL_MS: '100' });
  const signer = new TokenSigner(config.INTERNAL_TOKEN_SECRET);
  const as = (...roles: string[]) => `Bearer ${signer.sign({ sub: `u-${roles[0]}`, username: roles[0], roles }, Audiences.internal, 120)}`;
  const reader = new TopicReader(createKafka('intake-assessments-test', config.KAFKA_BROKERS), Topics.intake);
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let db: Connection;

  beforeAll(async () => {
    app = await createHttpApp(IntakeAppModule.register(config, new JsonLogger('intake', 'error')), new JsonLogger('intake', 'error'));
    await app.listen(0, '127.0.0.1');
    http = request(await app.getUrl());
    db = app.get<Connection>(getConnectionToken());
    await reader.start();
  });
  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  async function participant(): Promise<string> {
    const tag = randomUUID().replace(/[^a-z]/g, '').slice(0, 10);
    const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    const res = await http
      .post('/participants')
      .set('authorization', as('intake_worker'))
      .send({ firstName: `Asa${tag}`, lastName: `Tester${tag}`, dateOfBirth: '1988-02-03', email: `${tag}@example.org`, phone: `651${digits}`, office: 'north-ajc', programsOfInterest: ['WIOA_ADULT'] })
      .expect(201);
    return res.body.id;
  }
  const post = (id: string, kind: string, body: object, role = 'case_manager') =>
    http.post(`/participants/${id}/assessments/${kind}`).set('authorization', as(role)).send(body);
  const get = (path: string, role = 'case_manager') => http.get(path).set('authorization', as(role));

  it('numbers each kind’s series, links each to the one before, and compares barriers without publishing notes', async () => {
    const id = await participant();
    const first = await post(id, 'barriers', barriersBody({ housing: 'crisis', transportation: 'high', benefits: 'low' }, { housing: 'sleeping in car' })).expect(201);
    expect(first.body).toMatchObject({ kind: 'barriers', number: 1, schemaVersion: 1, previousId: null });
    expect(first.body.result.needs.map((n: { area: string; suggestedService: { code: string } }) => [n.area, n.suggestedService.code])).toEqual([
      ['housing', 'emergency_shelter'],
      ['transportation', 'transit_pass'],
      ['benefits', 'benefits_screening'],
    ]);
    const second = await post(id, 'barriers', barriersBody({ housing: 'moderate', child_care: 'high', benefits: 'low' })).expect(201);
    expect(second.body).toMatchObject({ number: 2, previousId: first.body.id });

    const series = await get(`/participants/${id}/assessments/barriers`).expect(200);
    expect(series.body.items.map((a: { number: number }) => a.number)).toEqual([2, 1]);
    const one = await get(`/participants/${id}/assessments/barriers/1`).expect(200);
    expect(one.body.answers.barriers.housing).toEqual({ severity: 'crisis', note: 'sleeping in car' });

    const comparison = await get(`/participants/${id}/assessments/barriers/comparison`).expect(200);
    expect(comparison.body.changes.changes).toEqual([
      { area: 'transportation', from: 'high', to: 'none', change: 'resolved' },
      { area: 'child_care', from: 'none', to: 'high', change: 'new' },
      { area: 'housing', from: 'crisis', to: 'moderate', change: 'better' },
      { area: 'benefits', from: 'low', to: 'low', change: 'unchanged' },
    ]);
    await get(`/participants/${id}/assessments/barriers/comparison?from=2&to=2`).expect(400);
    await get(`/participants/${id}/assessments/barriers/comparison?from=1&to=3`).expect(404);

    const needs = await waitFor('both needs events', () => {
      const found = reader.events<EventEnvelope<{ assessmentId: string }>>((e) => e.type === 'intake.needs.identified' && e.participantId === id);
      return found.length === 2 ? found : undefined;
    });
    expect(needs[0].data).toEqual({
      participantId: id,
      assessmentId: first.body.id,
      needs: [
        { area: 'housing', severity: 'crisis', suggestedService: 'emergency_shelter', urgency: 'same_day' },
        { area: 'transportation', severity: 'high', suggestedService: 'transit_pass', urgency: 'soon' },
        { area: 'benefits', severity: 'low', suggestedService: 'benefits_screening', urgency: 'routine' },
      ],
    });
    const completed = reader.json<EventEnvelope>((e) => e.type === 'intake.assessment.completed' && e.participantId === id);
    expect(completed.map((e) => e.data)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'barriers', number: 2, summary: {} })]),
    );
    expect(JSON.stringify(reader.json((e: EventEnvelope) => e.participantId === id))).not.toContain('sleeping in car');
  });

  it('gives each of several simultaneous submissions its own number', async () => {
    const id = await participant();
    const results = await Promise.all([1, 2, 3].map(() => post(id, 'job-readiness', readinessBody(3, 3))));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.number).sort()).toEqual([1, 2, 3]);
    const series = await get(`/participants/${id}/assessments/job-readiness`).expect(200);
    expect(series.body.items.map((a: { number: number; previousId: string | null }) => a.number)).toEqual([3, 2, 1]);
    expect(await db.collection('assessments').countDocuments({ participantId: id, latest: true })).toBe(1);
  });

  it('finds a series stored before series heads existed, and gives it a head', async () => {
    const id = await participant();
    for (const level of [2, 3]) await post(id, 'job-readiness', readinessBody(level, level)).expect(201);
    // As data written before the head documents: only the assessments themselves.
    await db.collection('assessment_series').deleteMany({ _id: { $in: [`${id}|job-readiness`, '~backfilled:v1'] } as never });
    expect(await app.get(AssessmentsRepository).backfillHeads()).toBeGreaterThanOrEqual(1);
    expect(await app.get(AssessmentsRepository).backfillHeads()).toBe(0);
    const overview = await get(`/participants/${id}/assessments`).expect(200);
    expect(overview.body.kinds['job-readiness']).toMatchObject({ number: 2 });
    expect(await db.collection('assessment_series').findOne({ _id: `${id}|job-readiness` as never })).toMatchObject({ number: 2 });
    const series = await get(`/participants/${id}/assessments/job-readiness`).expect(200);
    expect(series.body.items.map((a: { number: number }) => a.number)).toEqual([2, 1]);
    await get(`/participants/${id}/assessments/job-readiness/1`).expect(200);
    expect((await post(id, 'job-readiness', readinessBody(4, 4)).expect(201)).body.number).toBe(3);
  });

  it('refuses bad input with field paths and writes nothing; an unknown participant is 404', async () => {
    const id = await participant();
    const bad = questionnaireBody({
      workHistory: [{ occupation: 'Cook', employer: 'Diner', startDate: '2020-05-01', endDate: '2020-04-01' }],
      credentials: [{ name: 'CNA', issuer: 'State', earnedOn: '2020-02-30' }],
    });
    const dates = await post(id, 'intake-questionnaire', bad).expect(400);
    expect(dates.body.errors.map((e: { field: string }) => e.field)).toEqual(['credentials.0.earnedOn']);
    const order = await post(id, 'intake-questionnaire', { ...bad, credentials: [] }).expect(400);
    expect(order.body.errors).toEqual([{ field: 'workHistory.0.endDate', message: 'End date must be on or after the start date' }]);

    const answers = interestBody({ S: 4 }, 2);
    answers.answers[12].rating = 5;
    const rating = await post(id, 'interest-profile', answers).expect(400);
    expect(rating.body.errors).toEqual([{ field: 'answers.12.rating', message: 'Item I03: rating must be a whole number 0-4' }]);
    const missing = await post(id, 'interest-profile', { ...interestBody({}, 2), answers: interestBody({}, 2).answers.slice(1) }).expect(400);
    expect(missing.body.errors[0].message).toContain('missing: R01');

    const readiness = readinessBody(3, 3);
    readiness.staffRatings[1].rating = 0;
    const r = await post(id, 'job-readiness', readiness).expect(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['staffRatings.1.rating']);
    const partial = await post(id, 'job-readiness', { staffRatings: readinessBody(3).staffRatings.slice(1) }).expect(400);
    expect(partial.body.errors[0]).toMatchObject({ field: 'staffRatings', message: expect.stringContaining('attendance-punctuality') });

    const unknown = readinessBody(3);
    unknown.staffRatings.push({ criterionId: 'juggling', rating: 3, evidence: 'Saw it' });
    unknown.selfRatings = [{ criterionId: 'appearance', rating: 3 }, { criterionId: 'appearance', rating: 2 }];
    const u = await post(id, 'job-readiness', { ...unknown, hardSkills: [{ id: 'appearance', label: 'Looks' }] }).expect(400);
    expect(u.body.errors).toEqual([{ field: 'hardSkills.0.id', message: 'Criterion appearance is already on the list' }]);
    const v = await post(id, 'job-readiness', unknown).expect(400);
    expect(v.body.errors.map((e: { field: string }) => e.field)).toEqual(['staffRatings.4.criterionId', 'selfRatings.0.criterionId', 'selfRatings.1.criterionId']);

    expect(await db.collection('assessments').countDocuments({ participantId: id })).toBe(0);
    await post(randomUUID(), 'barriers', barriersBody()).expect(404);
    await post(id, 'juggling', {}).expect(404);
    await post(id, 'barriers', barriersBody(), 'supervisor').expect(403);
  });

  it('scores an interest profile and suggests occupations from the catalogue in the chosen zone first', async () => {
    const id = await participant();
    const res = await post(id, 'interest-profile', interestBody({ S: 4, E: 3, C: 2 }, 2)).expect(201);
    expect(res.body.result).toMatchObject({ scores: { R: 10, I: 10, A: 10, S: 40, E: 30, C: 20 }, primary: 'S', secondary: 'E', hollandCode: 'SEC' });
    expect(res.body.result.suggestions).toHaveLength(20);
    expect(res.body.result.suggestions[0]).toMatchObject({ inChosenZone: true, occupation: { jobZone: 2, riasecCode: expect.stringMatching(/^S/) } });
    const items = await get('/assessments/interest-items', 'trainer').expect(200);
    expect(items.body).toHaveLength(60);
    expect(items.body[0]).toMatchObject({ id: 'R01', area: 'R', areaName: 'Realistic' });
  });

  it('keeps the personal-readiness checklist in its own collection, for the case manager alone', async () => {
    const id = await participant();
    const jr = await post(id, 'job-readiness', readinessBody(2, 4)).expect(201);
    expect(jr.body.result).toMatchObject({ staffAverage: 2, selfAverage: 4, averageGap: 2 });
    const path = `/participants/${id}/assessments/job-readiness/1/personal-readiness`;
    const blank = await get(path).expect(200);
    expect(blank.body).toMatchObject({ revision: 0, allMet: false });
    const items = [{ id: 'stable-housing', label: 'Stable housing', met: true, note: 'Lease signed' }];
    await http.put(path).set('authorization', as('case_manager')).send({ items }).expect(200);
    const saved = await http.put(path).set('authorization', as('case_manager')).send({ items: [{ ...items[0], met: false }] }).expect(200);
    expect(saved.body).toMatchObject({ revision: 2, allMet: false, items: [{ met: false }] });
    await get(path, 'supervisor').expect(403);
    await http.put(path).set('authorization', as('supervisor')).send({ items }).expect(403);
    await get(`/participants/${id}/assessments/job-readiness/2/personal-readiness`).expect(404);

    const stored = await db.collection('assessments').findOne({ _id: jr.body.id as never });
    expect(JSON.stringify(stored)).not.toContain('Lease signed');
    const own = await db.collection('personal_readiness').findOne({ _id: jr.body.id as never });
    expect(own).toMatchObject({ revision: 2, history: [{ revision: 1 }] });
  });

  it('hides barriers from roles without need-to-know, in the overview too', async () => {
    const id = await participant();
    await post(id, 'barriers', barriersBody({ justice_involvement: 'high' })).expect(201);
    await post(id, 'intake-questionnaire', questionnaireBody()).expect(201);
    await get(`/participants/${id}/assessments/barriers`, 'job_developer').expect(403);
    await get(`/participants/${id}/assessments/barriers/1`, 'trainer').expect(403);
    await get(`/participants/${id}/assessments/barriers/comparison`, 'job_developer').expect(403);
    const forDeveloper = await get(`/participants/${id}/assessments`, 'job_developer').expect(200);
    expect(Object.keys(forDeveloper.body.kinds).sort()).toEqual(['intake-questionnaire', 'interest-profile', 'job-readiness']);
    expect(forDeveloper.body.kinds['intake-questionnaire']).toMatchObject({ number: 1, due: false, summary: { highestEducation: 'high_school_diploma' } });
    const forManager = await get(`/participants/${id}/assessments`).expect(200);
    expect(forManager.body.kinds.barriers).toMatchObject({ number: 1, summary: { needCount: 1, worstSeverity: 'high' } });
    await get(`/participants/${randomUUID()}/assessments`).expect(404);
  });

  it('lists latest assessments due by a date, keyset-paged, and never a superseded one', async () => {
    const id = await participant();
    const first = await post(id, 'job-readiness', readinessBody(2)).expect(201);
    // Without self-ratings there is no self average: the event leaves it out (and still publishes).
    const event = await waitFor('the completed event', () =>
      reader.json<EventEnvelope<{ assessmentId: string }>>((e) => e.type === 'intake.assessment.completed' && e.participantId === id)[0],
    );
    expect(event.data).toMatchObject({ assessmentId: first.body.id, kind: 'job-readiness', number: 1, summary: { staffAverage: 2 } });
    expect(event.data).not.toHaveProperty('summary.selfAverage');
    const second = await post(id, 'job-readiness', readinessBody(3)).expect(201);
    const dueOn: string = second.body.reassessmentDueOn;
    const before = (date: string) => async () => {
      const seen: { assessmentId: string }[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await get(`/assessments/due?kind=job-readiness&office=north-ajc&before=${date}&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen.map((s) => s.assessmentId);
    };
    const onTheDay = await before(dueOn)();
    expect(onTheDay).toContain(second.body.id);
    expect(onTheDay).not.toContain(first.body.id);
    const dayBefore = new Date(Date.parse(dueOn) - 86400000).toISOString().slice(0, 10);
    expect(await before(dayBefore)()).not.toContain(second.body.id);
    await get('/assessments/due?kind=barriers', 'job_developer').expect(403);
    await get('/assessments/due?before=2026-13-01').expect(400);
    await get('/assessments/due?cursor=bm9wZQ').expect(400);
  });

  it('ships the occupation catalogue, searchable, and lets administrators add and edit occupations', async () => {
    const all = await get('/occupations?limit=200', 'trainer').expect(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(80);
    const nurses = await get('/occupations?q=nurs&riasec=S', 'job_developer').expect(200);
    expect(nurses.body.items.map((o: { socCode: string }) => o.socCode)).toEqual(expect.arrayContaining(['29-1141', '31-1131']));
    const zone1 = await get('/occupations?jobZone=1&limit=200').expect(200);
    expect(zone1.body.items.every((o: { jobZone: number }) => o.jobZone === 1)).toBe(true);

    const soc = `99-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const occupation = { socCode: soc, title: `Harbour pilot ${soc}`, riasecCode: 'RE', jobZone: 3, medianAnnualWage: 61000, outlook: 'bright' };
    await http.post('/occupations').set('authorization', as('case_manager')).send(occupation).expect(403);
    const bad = await http.post('/occupations').set('authorization', as('admin')).send({ ...occupation, socCode: '991234', riasecCode: 'RX', jobZone: 6 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['jobZone', 'riasecCode', 'socCode']);
    const created = await http.post('/occupations').set('authorization', as('admin')).send(occupation).expect(201);
    expect(created.body).toMatchObject({ ...occupation, source: 'local' });
    await http.post('/occupations').set('authorization', as('admin')).send(occupation).expect(409);
    const edited = await http.put(`/occupations/${soc}`).set('authorization', as('admin')).send({ title: 'Harbour boat pilot', riasecCode: 'RES' }).expect(200);
    expect(edited.body).toMatchObject({ title: 'Harbour boat pilot', riasecCode: 'RES', jobZone: 3 });
    const found = await get(`/occupations?q=boat&riasec=E`).expect(200);
    expect(found.body.items.map((o: { socCode: string }) => o.socCode)).toContain(soc);
    await http.put('/occupations/11-0000').set('authorization', as('admin')).send({ title: 'Nobody' }).expect(404);
    await http.put(`/occupations/${soc}`).set('authorization', as('admin')).send({ jobZone: 0 }).expect(400);
  });
});
