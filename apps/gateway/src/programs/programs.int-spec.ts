import { getConnectionToken } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import {
  DEFAULT_JOURNEY_RULES,
  journeyExitConfirmedV1,
  type EligibilityDeterminationView,
  type EnrollmentView,
  type EventEnvelope,
  type ProgramEligibilityView,
} from '@waypoint/contracts';
import { baseConfigSchema, createEvent, createKafka, databaseName, EventPublisher, loadConfig } from '@waypoint/platform';
import { TopicReader, waitFor } from '@waypoint/platform/testing';
import { GatewayWithIntake, randomLetters } from '../testing/gateway-with-intake';

// Programs, eligibility and enrollments through the gateway, with intake as its own process,
// against the real FerretDB and Kafka.
describe('programs, eligibility and enrollments through the gateway', () => {
  const engines = loadConfig(baseConfigSchema, process.env);
  let gw: GatewayWithIntake;
  let reader: TopicReader;

  beforeAll(async () => {
    gw = await GatewayWithIntake.start({ readIntakeEvents: true });
    reader = gw.intakeEvents as TopicReader;
  });
  afterAll(async () => {
    await publisher.disconnect();
    await gw.close();
  });
  const publisher = new EventPublisher(createKafka('programs-int-spec', loadConfig(baseConfigSchema, process.env).KAFKA_BROKERS));

  /** ISO date `years` years before today (UTC). */
  const yearsAgo = (years: number) => {
    const d = new Date();
    d.setUTCFullYear(d.getUTCFullYear() - years);
    return d.toISOString().slice(0, 10);
  };
  const today = () => new Date().toISOString().slice(0, 10);

  const register = (dateOfBirth: string): Promise<string> =>
    gw.registerUniquePerson({ dateOfBirth, office: 'riverside-ajc', programsOfInterest: ['TANF_ES'] });

  /** A 19-year-old woman in a low-income household on TANF, right to work seen; SNAP, layoff and trade facts unknown. */
  const youngTanfRecipient = () => ({
    dateOfBirth: yearsAgo(19),
    sexAssignedAtBirth: 'female',
    stateOfResidence: 'MN',
    householdSize: 3,
    annualHouseholdIncome: 12_000,
    receivesTanf: true,
    rightToWorkDocumented: true,
  });

  const resultFor = (d: EligibilityDeterminationView, code: string): ProgramEligibilityView => {
    const r = d.results.find((x) => x.program === code);
    if (!r) throw new Error(`no result for ${code} in ${d.results.map((x) => x.program).join(', ')}`);
    return r;
  };

  async function determine(participantId: string, answers: object = youngTanfRecipient()): Promise<EligibilityDeterminationView> {
    return (await gw.as('intake_worker').post(`/participants/${participantId}/eligibility`, answers).expect(201)).body;
  }

  const eventsFor = (participantId: string, type: string) =>
    reader.events<EventEnvelope<Record<string, unknown>>>((e) => e.participantId === participantId && e.type === type);

  it('determines every program at once from one set of answers, with the reasons and the documents that would resolve what is missing', async () => {
    const id = await register(yearsAgo(19));
    const d = await determine(id);

    expect(d).toMatchObject({ participantId: id, determinedBy: 'intake_worker', answers: { householdSize: 3, receivesTanf: true } });
    const status = (code: string) => resultFor(d, code).status;
    expect(['WIOA_ADULT', 'WIOA_YOUTH', 'TANF_ES', 'WAGNER_PEYSER'].map(status)).toEqual(['eligible', 'eligible', 'eligible', 'eligible']);
    expect(['SNAP_ET', 'WIOA_DISLOCATED_WORKER', 'TAA'].map(status)).toEqual(['undetermined', 'undetermined', 'undetermined']);

    const youth = resultFor(d, 'WIOA_YOUTH');
    expect(youth.label).toBe('WIOA Youth');
    expect(youth.reasons.find((r) => r.kind === 'age')).toMatchObject({ outcome: 'passed', message: expect.stringMatching(/Age 19/) });
    expect(youth.reasons.find((r) => r.ruleId === 'lowIncome')).toMatchObject({ outcome: 'passed' });
    const snap = resultFor(d, 'SNAP_ET').reasons.find((r) => r.kind === 'publicAssistance');
    expect(snap).toMatchObject({ outcome: 'missing', document: expect.stringMatching(/SNAP eligibility notice/) });
    const layoff = resultFor(d, 'WIOA_DISLOCATED_WORKER').reasons.find((r) => r.kind === 'dislocated');
    expect(layoff).toMatchObject({ outcome: 'missing', document: expect.stringMatching(/layoff notice/i) });
    // Expiry follows each program's configured validity (45 days for the shipped programs).
    expect(Date.parse(youth.expiresAt) - Date.parse(d.determinedAt)).toBe(45 * 86_400_000);

    // History, latest first, and one determination by id.
    const second = await determine(id, { ...youngTanfRecipient(), receivesSnap: true });
    expect(resultFor(second, 'SNAP_ET').status).toBe('eligible');
    const history = await gw.as('case_manager').get(`/participants/${id}/eligibility`).expect(200);
    expect(history.body.map((x: EligibilityDeterminationView) => x.id)).toEqual([second.id, d.id]);
    const one = await gw.as('supervisor').get(`/participants/${id}/eligibility/${d.id}`).expect(200);
    expect(one.body).toEqual(d);
    await gw.as('supervisor').get(`/participants/${id}/eligibility/${randomUUID()}`).expect(404);

    // Reads of answers are audited, with who read them about whom.
    const audit = gw.app.get<Connection>(getConnectionToken()).collection('audit_log');
    const read = await waitFor('the audited read', () =>
      audit.findOne({ 'detail.sensitive': 'participant.eligibility', 'detail.params.id': id, actorUsername: 'case_manager' }),
    );
    expect(read).toMatchObject({ outcome: 'success', action: 'READ /api/participants/:id/eligibility' });

    // The event carries outcomes only: no answers, no income.
    const event = await waitFor('the eligibility event', () => eventsFor(id, 'intake.eligibility.determined').find((e) => e.data.determinationId === d.id));
    expect(event).toMatchObject({ version: 1, data: { participantId: id, determinationId: d.id } });
    expect(event.data.programs).toEqual(expect.arrayContaining([{ program: 'WIOA_YOUTH', status: 'eligible', expiresAt: youth.expiresAt }]));
    expect(JSON.stringify(event)).not.toMatch(/12000|annualHouseholdIncome|receivesTanf|reasons/);
  });

  it('refuses malformed answers with field messages, and unknown participants with 404', async () => {
    const id = await register(yearsAgo(30));
    const bad = await gw.as('intake_worker').post(`/participants/${id}/eligibility`, { dateOfBirth: '31/12/1990', householdSize: 0, shoeSize: 9 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dateOfBirth', 'householdSize', 'shoeSize']);
    expect((await gw.as('intake_worker').get(`/participants/${id}/eligibility`).expect(200)).body).toEqual([]);
    await gw.as('intake_worker').post(`/participants/${randomUUID()}/eligibility`, {}).expect(404);
    await gw.as('intake_worker').get(`/participants/${randomUUID()}/enrollments`).expect(404);
  });

  it('includes a program an administrator defines in the next determination, and drops it once deactivated', async () => {
    const code = `LOCAL_MN${randomLetters(8).toUpperCase()}`;
    const program = {
      code,
      label: 'Minnesota Youth Bridge (county)',
      fundingStream: 'local',
      determinationValidDays: 30,
      rules: [
        { kind: 'residency', states: ['MN'], document: 'Lease or utility bill' },
        { kind: 'age', max: 21, document: 'State ID' },
        { kind: 'fact', fact: 'inSchool', equals: false, document: 'School withdrawal letter' },
      ],
    };
    await gw.as('case_manager').post('/programs', program).expect(403);
    const invalid = await gw
      .as('admin')
      .post('/programs', { ...program, rules: [...program.rules, { kind: 'incomeAtMostPercentOfTable', percent: 0, table: { amountsByHouseholdSize: [1000], perAdditionalPerson: 0 }, document: 'x' }] })
      .expect(400);
    expect(invalid.body.errors).toContainEqual({ field: 'rules.3.percent', message: 'The percent of the table must be positive' });
    const created = await gw.as('admin').post('/programs', program).expect(201);
    expect(created.body).toMatchObject({ code, version: 1, active: true, fundingStream: 'local' });
    const audit = gw.app.get<Connection>(getConnectionToken()).collection('audit_log');
    const change = await waitFor('the audited change', () => audit.findOne({ action: 'POST /api/programs', actorUsername: 'admin', resource: `program:${code}`, status: 201 }));
    expect(change).toMatchObject({ outcome: 'success', status: 201 });

    const ref = await gw.as('trainer').get('/reference').expect(200);
    expect(ref.body.programs).toContainEqual({ code, label: 'Minnesota Youth Bridge (county)' });
    expect(ref.body.offices).toContainEqual({ code: 'riverside-ajc', name: 'Riverside Career Hub' });

    const id = await register(yearsAgo(19));
    const d = await determine(id);
    const local = resultFor(d, code);
    expect(local).toMatchObject({ label: 'Minnesota Youth Bridge (county)', status: 'undetermined' });
    expect(local.reasons.find((r) => r.kind === 'fact')).toMatchObject({ outcome: 'missing', document: 'School withdrawal letter' });
    expect(Date.parse(local.expiresAt) - Date.parse(d.determinedAt)).toBe(30 * 86_400_000);
    expect(resultFor(await determine(id, { ...youngTanfRecipient(), inSchool: false }), code).status).toBe('eligible');

    // A stale edit is refused; a current one applies.
    const { createdAt: _c, updatedAt: _u, updatedBy: _b, code: _code, ...editable } = created.body;
    await gw.as('admin').put(`/programs/${code}`, { ...editable, determinationValidDays: 10 }).expect(200);
    await gw.as('admin').put(`/programs/${code}`, { ...editable, determinationValidDays: 20 }).expect(409);

    await gw.as('admin').post(`/programs/${code}/deactivate`, {}).expect(200);
    await waitFor('the audited deactivation', () => audit.findOne({ action: 'POST /api/programs/:code/deactivate', resource: `program:${code}`, status: 200 }));
    expect((await determine(id)).results.map((r) => r.program)).not.toContain(code);
    expect((await gw.as('trainer').get('/reference').expect(200)).body.programs.map((p: { code: string }) => p.code)).not.toContain(code);
    const enroll = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: code }).expect(422);
    expect(enroll.body.errors).toEqual([{ field: 'program', message: `Program ${code} is no longer active` }]);
  });

  it('enrolls one person in two programs at once, freezes the snapshot, refuses a second open enrollment, and exits one', async () => {
    const id = await register(yearsAgo(19));
    const d = await determine(id);

    const adult = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_ADULT' }).expect(201);
    const tanf = await gw.as('intake_worker').post(`/participants/${id}/enrollments`, { program: 'TANF_ES', determinationId: d.id, enrolledOn: today() }).expect(201);
    expect(adult.body).toMatchObject({
      participantId: id,
      program: 'WIOA_ADULT',
      label: 'WIOA Adult',
      office: 'riverside-ajc',
      status: 'open',
      enrolledOn: today(),
      enrolledBy: 'case_manager',
      eligibility: { determinationId: d.id, status: 'eligible', determinedAt: d.determinedAt, answers: { receivesTanf: true } },
    });
    expect(adult.body.eligibility.reasons.map((r: { kind: string }) => r.kind)).toEqual(['age', 'selectiveService', 'rightToWork']);

    // A later determination does not change what the enrollment froze.
    await determine(id, { ...youngTanfRecipient(), rightToWorkDocumented: false });
    const dup = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_ADULT', determinationId: d.id }).expect(409);
    expect(dup.body.message).toMatch(/already has an open enrollment in WIOA_ADULT/);

    const list = await gw.as('supervisor').get(`/participants/${id}/enrollments`).expect(200);
    const frozen = list.body.find((e: EnrollmentView) => e.program === 'WIOA_ADULT').eligibility;
    expect(frozen).toMatchObject({ determinationId: d.id, answers: { rightToWorkDocumented: true } });
    expect(frozen.reasons.find((r: { kind: string }) => r.kind === 'rightToWork').outcome).toBe('passed');
    expect(list.body.map((e: EnrollmentView) => [e.program, e.status, e.eligibility.status]).sort()).toEqual([
      ['TANF_ES', 'open', 'eligible'],
      ['WIOA_ADULT', 'open', 'eligible'],
    ]);

    const enrolled = await waitFor('two enrolled events', () => {
      const events = eventsFor(id, 'intake.participant.enrolled');
      return events.length === 2 ? events : null;
    });
    expect(enrolled.map((e) => e.data).sort((a, b) => String(a.program).localeCompare(String(b.program)))).toEqual([
      {
        participantId: id,
        enrollmentId: tanf.body.id,
        program: 'TANF_ES',
        enrolledOn: today(),
        determinationId: d.id,
        office: 'riverside-ajc',
        journeyRules: DEFAULT_JOURNEY_RULES,
      },
      // WIOA Adult counts its follow-up year from the first day of employment.
      {
        participantId: id,
        enrollmentId: adult.body.id,
        program: 'WIOA_ADULT',
        enrolledOn: today(),
        determinationId: d.id,
        office: 'riverside-ajc',
        journeyRules: { ...DEFAULT_JOURNEY_RULES, followUpFrom: 'employment_start' },
      },
    ]);

    // Exit: dates and reasons checked; the other program stays open.
    const exitPath = `/participants/${id}/enrollments/${adult.body.id}/exit`;
    const early = await gw.as('case_manager').post(exitPath, { exitedOn: yearsAgo(1), reason: 'entered_employment' }).expect(422);
    expect(early.body.errors[0]).toMatchObject({ field: 'exitedOn', message: expect.stringMatching(/before the enrollment date/) });
    await gw.as('case_manager').post(exitPath, { exitedOn: today(), reason: 'got_bored' }).expect(400);
    const exited = await gw.as('case_manager').post(exitPath, { exitedOn: today(), reason: 'entered_employment', note: 'Hired as a warehouse associate' }).expect(200);
    expect(exited.body).toMatchObject({ status: 'exited', exit: { exitedOn: today(), reason: 'entered_employment', exitedBy: 'case_manager' } });
    const again = await gw.as('case_manager').post(exitPath, { exitedOn: today(), reason: 'completed' }).expect(422);
    expect(again.body.errors[0].message).toMatch(/already been exited/);

    const exitEvent = await waitFor('the exited event', () => eventsFor(id, 'intake.participant.exited_program')[0] ?? null);
    expect(exitEvent.data).toEqual({ participantId: id, enrollmentId: adult.body.id, program: 'WIOA_ADULT', exitedOn: today(), reason: 'entered_employment' });
    expect(eventsFor(id, 'intake.participant.exited_program')).toHaveLength(1);

    const after = await gw.as('case_manager').get(`/participants/${id}/enrollments`).expect(200);
    expect(after.body.find((e: EnrollmentView) => e.program === 'TANF_ES').status).toBe('open');
  });

  it('exits every open enrollment on the exit date the journey confirmed (common exit), once', async () => {
    const id = await register(yearsAgo(19));
    const d = await determine(id);
    await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_ADULT', determinationId: d.id }).expect(201);
    await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'TANF_ES', determinationId: d.id }).expect(201);
    // The journey's exit date (the last service date) falls before these enrollments began.
    const exitOn = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const confirmed = createEvent(journeyExitConfirmedV1, id, {
      participantId: id,
      exitOn,
      reason: 'entered_employment',
      programs: ['WIOA_ADULT', 'TANF_ES'],
      confirmedBy: 'case.manager',
      confirmedAt: new Date().toISOString(),
      followUpFrom: exitOn,
      followUpEndsOn: today(),
    });

    // Published twice: at-least-once delivery must not exit anything twice.
    await publisher.publish([confirmed, confirmed].map((envelope) => ({ topic: journeyExitConfirmedV1.topic, envelope })));

    const exited = await waitFor('both enrollments exited', async () => {
      const list: EnrollmentView[] = (await gw.as('supervisor').get(`/participants/${id}/enrollments`).expect(200)).body;
      return list.every((e) => e.status === 'exited') ? list : null;
    });
    // Both began after the journey's exit date: each exits on its own first day, never before it.
    expect(exited.map((e) => [e.program, e.exit?.exitedOn, e.exit?.reason, e.exit?.exitedBy]).sort()).toEqual([
      ['TANF_ES', today(), 'entered_employment', 'case.manager'],
      ['WIOA_ADULT', today(), 'entered_employment', 'case.manager'],
    ]);
    const events = await waitFor('two exited_program events', () => {
      const found = eventsFor(id, 'intake.participant.exited_program');
      return found.length >= 2 ? found : null;
    });
    expect(events.map((e) => e.data.program).sort()).toEqual(['TANF_ES', 'WIOA_ADULT']);
    // The second copy was consumed right after the first (same partition): it exited nothing more.
    expect(eventsFor(id, 'intake.participant.exited_program')).toHaveLength(2);
  });

  it('lets only one of two simultaneous enrollments in the same program through', async () => {
    const id = await register(yearsAgo(19));
    await determine(id);
    const attempts = await Promise.all([0, 1, 2].map(() => gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WAGNER_PEYSER' })));
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await gw.as('case_manager').get(`/participants/${id}/enrollments`).expect(200)).body).toHaveLength(1);
  });

  it('refuses enrollment when not eligible, undetermined, expired or in an unknown program, and writes nothing', async () => {
    const id = await register(yearsAgo(19));
    const none = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_ADULT' }).expect(422);
    expect(none.body.errors[0].message).toMatch(/determine eligibility first/);

    // A determination made 50 days ago (validity 45 days), as if the person had come back late.
    const oldId = randomUUID();
    const determinedAt = new Date(Date.now() - 50 * 86_400_000);
    const connection = await mongoose.createConnection(engines.MONGO_URL, { dbName: databaseName('intake') }).asPromise();
    try {
      await connection.collection('eligibility_determinations').insertOne({
        _id: oldId as never,
        participantId: id,
        answers: youngTanfRecipient(),
        results: [{ program: 'WIOA_ADULT', label: 'WIOA Adult', status: 'eligible', reasons: [], expiresAt: new Date(determinedAt.getTime() + 45 * 86_400_000) }],
        determinedAt,
        determinedBy: 'someone',
        outbox: [],
        outboxPending: false,
        outboxSeq: 1,
      });
    } finally {
      await connection.close();
    }
    const expired = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_ADULT' }).expect(422);
    expect(expired.body.errors).toEqual([{ field: 'determinationId', message: expect.stringMatching(/WIOA_ADULT expired on .*determine eligibility again/) }]);

    const d = await determine(id, { ...youngTanfRecipient(), receivesTanf: false, annualHouseholdIncome: 900_000 });
    expect(resultFor(d, 'TANF_ES').status).toBe('not_eligible');
    const notEligible = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'TANF_ES' }).expect(422);
    expect(notEligible.body.errors[0].message).toMatch(/Cannot enroll in TANF_ES: the person is not eligible/);
    const undetermined = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'SNAP_ET' }).expect(422);
    expect(undetermined.body.errors[0].message).toMatch(/undetermined/);
    const unknown = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'NO_SUCH_PROGRAM' }).expect(422);
    expect(unknown.body.errors).toEqual([{ field: 'program', message: 'Unknown program: NO_SUCH_PROGRAM' }]);
    const foreign = await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_ADULT', determinationId: randomUUID() }).expect(422);
    expect(foreign.body.errors[0].field).toBe('determinationId');
    await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'wioa adult', enrolledOn: '2026-13-01' }).expect(400);

    expect((await gw.as('case_manager').get(`/participants/${id}/enrollments`).expect(200)).body).toEqual([]);
    // The eligibility event of the determination above arrived, and still no enrollment event.
    await waitFor('the eligibility event', () => eventsFor(id, 'intake.eligibility.determined')[0] ?? null);
    expect(eventsFor(id, 'intake.participant.enrolled')).toEqual([]);
  });

  it('lets each role do only what its work needs', async () => {
    const id = await register(yearsAgo(19));
    await gw.as('job_developer').post(`/participants/${id}/eligibility`, youngTanfRecipient()).expect(403);
    await gw.as('trainer').post(`/participants/${id}/eligibility`, youngTanfRecipient()).expect(403);
    await determine(id);
    await gw.as('trainer').get(`/participants/${id}/eligibility`).expect(403);
    await gw.as('job_developer').get(`/participants/${id}/eligibility`).expect(403);
    await gw.as('supervisor').post(`/participants/${id}/enrollments`, { program: 'WIOA_YOUTH' }).expect(403);
    await gw.as('case_manager').post(`/participants/${id}/enrollments`, { program: 'WIOA_YOUTH' }).expect(201);

    // Trainers see enrollments, but not the answers or reasons frozen on them.
    const seen = await gw.as('trainer').get(`/participants/${id}/enrollments`).expect(200);
    expect(seen.body[0]).toMatchObject({ program: 'WIOA_YOUTH', eligibility: { status: 'eligible' } });
    expect(seen.body[0].eligibility).not.toHaveProperty('answers');
    expect(seen.body[0].eligibility).not.toHaveProperty('reasons');

    await gw.as('case_manager').put('/programs/WIOA_ADULT', { label: 'x', fundingStream: 'federal', rules: [], version: 1 }).expect(403);
    await gw.as('intake_worker').post('/offices', { code: 'x-office', name: 'X', region: 'X' }).expect(403);
    await gw.as('trainer').get('/programs').expect(200);
    await gw.as().get('/reference').expect(401);
  });

  it('documents every route in the OpenAPI document, with the request schemas from the contracts', async () => {
    const doc = (await gw.as('admin').get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/programs',
        '/api/programs/{code}',
        '/api/programs/{code}/deactivate',
        '/api/offices',
        '/api/participants/{id}/eligibility',
        '/api/participants/{id}/eligibility/{determinationId}',
        '/api/participants/{id}/enrollments',
        '/api/participants/{id}/enrollments/{enrollmentId}/exit',
        '/api/reference',
      ]),
    );
    const create = doc.paths['/api/programs'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['code', 'label', 'fundingStream', 'rules']));
    const exit = doc.paths['/api/participants/{id}/enrollments/{enrollmentId}/exit'].post.requestBody.content['application/json'].schema;
    expect(exit.properties.reason.enum).toContain('entered_employment');
  });
});
