import { getConnectionToken } from '@nestjs/mongoose';
import { randomInt } from 'node:crypto';
import type { Connection } from 'mongoose';
import { INTEREST_ITEM_IDS, type EventEnvelope } from '@waypoint/contracts';
import { TopicReader, waitFor } from '@waypoint/platform/testing';
import { GatewayWithIntake, randomLetters } from '../testing/gateway-with-intake';

// Assessments and the occupation catalogue through the gateway, with intake as its own
// process, against the real FerretDB and Kafka.
describe('assessments through the gateway', () => {
  let gw: GatewayWithIntake;
  let reader: TopicReader;

  beforeAll(async () => {
    gw = await GatewayWithIntake.start({ readIntakeEvents: true });
    reader = gw.intakeEvents as TopicReader;
  });
  afterAll(() => gw.close());


  const register = (): Promise<string> => gw.registerUniquePerson();

  const cm = () => gw.as('case_manager');
  const path = (id: string, rest = '') => `/participants/${id}/assessments${rest}`;

  const SOFT = ['attendance-punctuality', 'appearance', 'communication-attitude', 'performance-productivity'];
  const readiness = (staff: number[], self: number[], extra: object = {}) => ({
    hardSkills: [{ id: 'forklift', label: 'Forklift operation' }],
    staffRatings: [...SOFT, 'forklift'].map((criterionId, i) => ({ criterionId, rating: staff[i], evidence: 'Observed on the warehouse crew' })),
    selfRatings: [...SOFT, 'forklift'].map((criterionId, i) => ({ criterionId, rating: self[i] })),
    ...extra,
  });
  const interests = (ratings: Record<string, number>, jobZone: number) => ({
    answers: INTEREST_ITEM_IDS.map((itemId) => ({ itemId, rating: ratings[itemId[0]] ?? 0 })),
    jobZone,
  });
  const barriers = (severities: Record<string, string>) => ({
    barriers: Object.fromEntries(
      ['transportation', 'child_care', 'housing', 'health', 'disability', 'justice_involvement', 'language', 'benefits'].map((a) => [
        a,
        { severity: severities[a] ?? 'none', ...(severities[a] ? { note: `private ${a} note` } : {}) },
      ]),
    ),
  });
  const questionnaire = (extra: { credentials?: object[]; workHistory?: object[] } = {}) => ({
    highestEducation: 'some_college',
    workHistory: [{ occupation: 'Warehouse associate', socCode: '53-7062', employer: 'Northstar Logistics', startDate: '2021-02-01', endDate: '2024-01-15', wage: { amount: 18.25, per: 'hour' } }],
    credentials: [{ name: 'OSHA 10', issuer: 'OSHA', earnedOn: '2021-03-10' }],
    primaryLanguage: 'Somali',
    englishProficiency: 'fluent',
    needsInterpreter: false,
    digitalAccess: { devices: ['smartphone', 'computer'], homeInternet: true, usesEmail: true, comfort: 3 },
    ...extra,
  });

  it('completes each kind twice and compares the two, publishing events without sensitive content', async () => {
    const id = await register();
    await cm().post(path(id, '/intake-questionnaire'), questionnaire()).expect(201);
    const q2 = await cm()
      .post(
        path(id, '/intake-questionnaire'),
        questionnaire({
          credentials: [{ name: 'OSHA 10', issuer: 'OSHA', earnedOn: '2021-03-10' }, { name: 'Forklift operator', issuer: 'Metro Safety Council', earnedOn: '2025-05-02', expiresOn: '2028-05-02' }],
          workHistory: [
            { occupation: 'Warehouse associate', socCode: '53-7062', employer: 'Northstar Logistics', startDate: '2021-02-01', endDate: '2024-01-15' },
            { occupation: 'Forklift operator', employer: 'Lakeside Foods', startDate: '2025-06-01', wage: { amount: 47000, per: 'year' } },
          ],
        }),
      )
      .expect(201);
    expect(q2.body).toMatchObject({ kind: 'intake-questionnaire', number: 2, schemaVersion: 1 });
    const qc = await cm().get(path(id, '/intake-questionnaire/comparison')).expect(200);
    expect(qc.body.changes.newCredentials.map((c: { name: string }) => c.name)).toEqual(['Forklift operator']);
    expect(qc.body.changes.newJobs.map((j: { employer: string }) => j.employer)).toEqual(['Lakeside Foods']);

    await cm().post(path(id, '/barriers'), barriers({ transportation: 'high', housing: 'crisis' })).expect(201);
    const b2 = await cm().post(path(id, '/barriers'), barriers({ housing: 'low', child_care: 'moderate' })).expect(201);
    expect(b2.body.result.needs.map((n: { area: string; suggestedService: { label: string } }) => [n.area, n.suggestedService.label])).toEqual([
      ['child_care', 'Child care assistance application'],
      ['housing', 'Housing resources information'],
    ]);
    const bc = await cm().get(path(id, '/barriers/comparison')).expect(200);
    expect(bc.body.changes.changes.map((c: { area: string; change: string }) => `${c.area}:${c.change}`)).toEqual([
      'transportation:resolved',
      'child_care:new',
      'housing:better',
    ]);

    const i1 = await cm().post(path(id, '/interest-profile'), interests({ R: 4, C: 3, I: 1 }, 2)).expect(201);
    expect(i1.body.result).toMatchObject({ primary: 'R', hollandCode: 'RCI', scores: { R: 40, C: 30, I: 10 } });
    await cm().post(path(id, '/interest-profile'), interests({ S: 4, R: 3, C: 3 }, 3)).expect(201);
    const ic = await gw.as('job_developer').get(path(id, '/interest-profile/comparison?from=1&to=2')).expect(200);
    expect(ic.body.changes).toMatchObject({
      scoreDeltas: { R: -10, I: -10, A: 0, S: 40, E: 0, C: 0 },
      primaryChanged: true,
      fromPrimary: 'R',
      toPrimary: 'S',
      jobZoneChanged: true,
    });

    await cm().post(path(id, '/job-readiness'), readiness([2, 3, 2, 2, 1], [4, 4, 3, 3, 2])).expect(201);
    const r2 = await cm().post(path(id, '/job-readiness'), readiness([3, 3, 3, 4, 3], [3, 4, 3, 3, 3])).expect(201);
    expect(r2.body.result.criteria.find((c: { criterionId: string }) => c.criterionId === 'appearance')).toMatchObject({ staff: 3, self: 4, gap: 1, gapLabel: 'rates self higher' });
    const rc = await gw.as('supervisor').get(path(id, '/job-readiness/comparison')).expect(200);
    expect(rc.body.changes.criteria.find((c: { criterionId: string }) => c.criterionId === 'forklift')).toMatchObject({ fromStaff: 1, toStaff: 3, staffChange: 2, fromSelf: 2, toSelf: 3 });
    expect(rc.body.changes).toMatchObject({ staffAverageChange: 1.2, selfAverageChange: 0 });

    const overview = await cm().get(path(id)).expect(200);
    for (const kind of ['intake-questionnaire', 'barriers', 'interest-profile', 'job-readiness'])
      expect(overview.body.kinds[kind]).toMatchObject({ number: 2, due: false, previousId: expect.any(String) });
    expect(overview.body.kinds.barriers.reassessmentDueOn).toBe(new Date(Date.parse(b2.body.completedAt.slice(0, 10)) + 90 * 86400000).toISOString().slice(0, 10));

    const events = await waitFor('eight completed and two needs events', () => {
      const mine = reader.events<EventEnvelope<Record<string, unknown>>>((e) => e.participantId === id && e.type !== 'intake.participant.registered');
      return mine.filter((e) => e.type === 'intake.assessment.completed').length === 8 && mine.filter((e) => e.type === 'intake.needs.identified').length === 2
        ? mine
        : undefined;
    });
    const interest = events.find((e) => e.type === 'intake.assessment.completed' && e.data.kind === 'interest-profile' && e.data.number === 1);
    expect(interest?.data.summary).toEqual({ riasecCode: 'RCI', jobZone: 2 });
    const ready = events.find((e) => e.type === 'intake.assessment.completed' && e.data.kind === 'job-readiness' && e.data.number === 2);
    expect(ready?.data.summary).toEqual({ staffAverage: 3.2, selfAverage: 3.2 });
    const needs = events.find((e) => e.type === 'intake.needs.identified' && e.data.assessmentId === b2.body.id);
    expect(needs?.data.needs).toEqual([
      { area: 'child_care', severity: 'moderate', suggestedService: 'child_care_assistance', urgency: 'soon' },
      { area: 'housing', severity: 'low', suggestedService: 'housing_information', urgency: 'routine' },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/private|Observed on/);
  });

  it('refuses an out-of-range rating naming the item, and writes nothing', async () => {
    const id = await register();
    const body = interests({ E: 4 }, 2);
    body.answers[40].rating = 7;
    const res = await cm().post(path(id, '/interest-profile'), body).expect(400);
    expect(res.body.errors).toEqual([{ field: 'answers.40.rating', message: 'Item E01: rating must be a whole number 0-4' }]);
    const bad = await cm().post(path(id, '/job-readiness'), readiness([3, 3, 3, 5, 3], [3, 3, 3, 3, 3])).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['staffRatings.3.rating']);
    expect((await cm().get(path(id, '/interest-profile')).expect(200)).body.items).toEqual([]);
    expect((await cm().get(path(id, '/job-readiness')).expect(200)).body.items).toEqual([]);
    await cm().post(path('no-such-person', '/barriers'), barriers({})).expect(404);
  });

  it('gives the personal-readiness checklist to the case manager alone and audits each read', async () => {
    const id = await register();
    await cm().post(path(id, '/job-readiness'), readiness([3, 3, 3, 3, 3], [3, 3, 3, 3, 3])).expect(201);
    const checklist = path(id, '/job-readiness/1/personal-readiness');
    await cm().put(checklist, { items: [{ id: 'stable-housing', label: 'Stable housing', met: true, note: 'Moved in with sister' }] }).expect(200);

    const ratings = await gw.as('supervisor').get(path(id, '/job-readiness/1')).expect(200);
    expect(ratings.body.result.staffAverage).toBe(3);
    expect(JSON.stringify(ratings.body)).not.toContain('Moved in with sister');
    await gw.as('supervisor').get(checklist).expect(403);
    await gw.as('supervisor').put(checklist, { items: [] }).expect(403);
    await gw.as('intake_worker').get(checklist).expect(403);

    const read = await cm().get(checklist).expect(200);
    expect(read.body).toMatchObject({ revision: 1, allMet: true, items: [{ id: 'stable-housing', note: 'Moved in with sister' }] });
    const audit = gw.app.get<Connection>(getConnectionToken()).collection('audit_log');
    const entry = await waitFor('the audited read', () =>
      audit.findOne({ 'detail.sensitive': 'assessment.personal-readiness', 'detail.params.participantId': id, actorUsername: 'case_manager' }),
    );
    expect(entry).toMatchObject({ outcome: 'success', status: 200 });
    expect(await audit.countDocuments({ 'detail.sensitive': 'assessment.personal-readiness', 'detail.params.participantId': id, actorUsername: 'supervisor' })).toBe(0);
  });

  it('keeps barriers from job developers and trainers, who still see the other kinds', async () => {
    const id = await register();
    await cm().post(path(id, '/barriers'), barriers({ justice_involvement: 'high' })).expect(201);
    await cm().post(path(id, '/intake-questionnaire'), questionnaire()).expect(201);
    for (const role of ['job_developer', 'trainer'] as const) {
      await gw.as(role).get(path(id, '/barriers')).expect(403);
      await gw.as(role).get(path(id, '/barriers/1')).expect(403);
      await gw.as(role).get(path(id, '/barriers/comparison')).expect(403);
      const overview = await gw.as(role).get(path(id)).expect(200);
      expect(overview.body.kinds).not.toHaveProperty('barriers');
      expect(overview.body.kinds['intake-questionnaire']).toMatchObject({ number: 1 });
      await gw.as(role).get(path(id, '/intake-questionnaire/1')).expect(200);
      await gw.as(role).post(path(id, '/intake-questionnaire'), questionnaire()).expect(403);
    }
    const forSupervisor = await gw.as('supervisor').get(path(id, '/barriers/1')).expect(200);
    expect(forSupervisor.body.result.needs[0].suggestedService.code).toBe('expungement_legal_aid');
  });

  it('lets an administrator add an occupation that then appears in suggestions', async () => {
    const soc = `98-${randomInt(1000, 9999)}`;
    const occupation = { socCode: soc, title: `Records archivist ${randomLetters(6)}`, riasecCode: 'C', jobZone: 5, medianAnnualWage: 64000, outlook: 'average' };
    await gw.as('case_manager').post('/occupations', occupation).expect(403);
    const bad = await gw.as('admin').post('/occupations', { ...occupation, socCode: '98-12', riasecCode: 'CC', jobZone: 0 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['jobZone', 'riasecCode', 'socCode']);
    await gw.as('admin').post('/occupations', occupation).expect(201);
    const listed = await gw.as('trainer').get(`/occupations?q=${occupation.title.split(' ')[2]}`).expect(200);
    expect(listed.body.items).toEqual([{ ...occupation, source: 'local' }]);

    const id = await register();
    const res = await cm().post(path(id, '/interest-profile'), interests({ C: 4 }, 5)).expect(201);
    const suggestion = res.body.result.suggestions.find((s: { occupation: { socCode: string } }) => s.occupation.socCode === soc);
    expect(suggestion).toMatchObject({ fit: 1, inChosenZone: true, reasons: expect.arrayContaining(['In your chosen job zone 5']) });

    const items = await gw.as('job_developer').get('/assessments/interest-items').expect(200);
    expect(items.body.map((i: { id: string }) => i.id)).toEqual(INTEREST_ITEM_IDS);
  });

  it('documents the routes and bodies in the OpenAPI document', async () => {
    const doc = (await gw.as('admin').get('/docs-json').expect(200)).body;
    for (const route of [
      '/api/participants/{participantId}/assessments',
      '/api/participants/{participantId}/assessments/{kind}',
      '/api/participants/{participantId}/assessments/{kind}/comparison',
      '/api/participants/{participantId}/assessments/job-readiness/{number}/personal-readiness',
      '/api/assessments/due',
      '/api/assessments/interest-items',
      '/api/occupations',
      '/api/occupations/{socCode}',
    ])
      expect(Object.keys(doc.paths)).toContain(route);
    const body = doc.paths['/api/participants/{participantId}/assessments/{kind}'].post.requestBody.content['application/json'].schema;
    expect(body.oneOf.map((s: { title: string }) => s.title)).toEqual(['intake-questionnaire', 'barriers', 'interest-profile', 'job-readiness']);
  });

  it('lists who is due a reassessment, by office and date', async () => {
    const id = await register();
    const done = await cm().post(path(id, '/barriers'), barriers({ transportation: 'low' })).expect(201);
    const dueOn: string = done.body.reassessmentDueOn;
    const due = async (role: 'case_manager' | 'job_developer', before: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { participantId: string; kind: string }[]; nextCursor: string | null } } = await gw.as(role).get(`/assessments/due?office=north-ajc&before=${before}&limit=50${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        ids.push(...res.body.items.map((i) => `${i.participantId}:${i.kind}`));
        cursor = res.body.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await due('case_manager', dueOn)).toContain(`${id}:barriers`);
    expect(await due('job_developer', dueOn)).not.toContain(`${id}:barriers`);
    const dayBefore = new Date(Date.parse(dueOn) - 86400000).toISOString().slice(0, 10);
    expect(await due('case_manager', dayBefore)).not.toContain(`${id}:barriers`);
    await gw.as('case_manager').get('/assessments/due?before=tomorrow').expect(400);
  });
});
