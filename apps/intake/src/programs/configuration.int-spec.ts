import { Module, type INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_JOURNEY_RULES, DEFAULT_PROGRAM_CODES, Topics } from '@waypoint/contracts';
import { Audiences, createHttpApp, databaseName, DocumentWriteLocks, JsonLogger, OUTBOX_POLL_MS, PlatformModule, TokenSigner } from '@waypoint/platform';
import { loadIntakeConfig } from '../config';
import { OFFICE_MODEL, officeSchema, PROGRAM_MODEL, programSchema, type OfficeDocument, type ProgramDocument } from './configuration.schema';
import { ConfigurationSeeder } from './configuration.seeder';
import { OfficeStore, ProgramStore } from './configuration.stores';
import { ProgramCatalog } from './program-catalog.service';
import { ProgramsModule } from './programs.module';

const config = loadIntakeConfig({ ...process.env, OUTBOX_POLL_MS: '100' });
const logger = new JsonLogger('intake', 'error');

/** Intake with only this area's modules, as the service composes them (apps/intake/src/app.module.ts). */
@Module({})
class ProgramsTestRoot {}
const programsApp = () =>
  createHttpApp(
    {
      module: ProgramsTestRoot,
      global: true,
      imports: [
        PlatformModule.forService({ service: 'intake', config, audience: Audiences.internal, tokenSecret: config.INTERNAL_TOKEN_SECRET, topics: [Topics.intake], logger }),
        ProgramsModule,
      ],
      providers: [{ provide: OUTBOX_POLL_MS, useValue: config.OUTBOX_POLL_MS }],
      exports: [OUTBOX_POLL_MS],
    },
    logger,
  );

describe('configuration seeding (against a scratch database)', () => {
  const connection = mongoose.createConnection(config.MONGO_URL, { dbName: `${databaseName('intake')}_seed_${randomUUID().slice(0, 8)}` });
  const locks = new DocumentWriteLocks();
  const programs = new ProgramStore(connection.model<ProgramDocument>(PROGRAM_MODEL, programSchema), locks);
  const offices = new OfficeStore(connection.model<OfficeDocument>(OFFICE_MODEL, officeSchema), locks);
  const seeder = () => new ConfigurationSeeder(programs, offices, logger);

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('seeds the shipped programs and offices once, even when several processes start together', async () => {
    await Promise.all([seeder().onModuleInit(), seeder().onModuleInit(), seeder().onModuleInit()]);
    const seeded = await programs.list();
    expect(seeded.map((p) => p._id).sort()).toEqual([...DEFAULT_PROGRAM_CODES].sort());
    expect(seeded.every((p) => p.version === 1 && p.updatedBy === 'system' && p.active)).toBe(true);
    expect((await offices.list()).map((o) => [o._id, o.name])).toEqual([
      ['downtown-ajc', 'Downtown American Job Center'],
      ['north-ajc', 'North American Job Center'],
      ['riverside-ajc', 'Riverside Career Hub'],
    ]);
    expect((await programs.get('TANF_ES')).activityHours?.weeklyHoursTarget).toBeGreaterThan(0);
  });

  it('never overwrites an administrator’s edit or deactivation at the next start', async () => {
    const adult = await programs.get('WIOA_ADULT');
    await programs.update('WIOA_ADULT', adult.version, { ...adult, label: 'Adult services (edited)', determinationValidDays: 30 }, 'admin', false);
    await offices.update('north-ajc', undefined, { active: false }, 'admin', false);
    await seeder().onModuleInit();
    expect(await programs.get('WIOA_ADULT')).toMatchObject({ label: 'Adult services (edited)', determinationValidDays: 30, version: 2, updatedBy: 'admin' });
    expect(await offices.get('north-ajc')).toMatchObject({ active: false, version: 2 });
    expect(await programs.list()).toHaveLength(DEFAULT_PROGRAM_CODES.length);
  });
});

describe('intake configuration API', () => {
  const signer = new TokenSigner(config.INTERNAL_TOKEN_SECRET);
  const as = (...roles: string[]) => `Bearer ${signer.sign({ sub: `u-${roles[0]}`, username: roles[0], roles }, Audiences.internal, 60)}`;
  const admin = as('admin');
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const code = `LOCAL_T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const local = {
    code,
    label: 'Veterans Bridge (county)',
    description: 'County-funded bridge for veterans',
    fundingStream: 'local',
    determinationValidDays: 30,
    rules: [
      { kind: 'fact', fact: 'veteran', equals: true, document: 'DD-214' },
      { kind: 'residency', states: ['MN', 'WI'], document: 'Lease or utility bill' },
    ],
  };

  beforeAll(async () => {
    app = await programsApp();
    await app.listen(0, '127.0.0.1');
    http = request(await app.getUrl());
  });
  afterAll(() => app.close());

  it('serves the seeded programs and offices to every staff role', async () => {
    const res = await http.get('/programs').set('authorization', as('trainer')).expect(200);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining([...DEFAULT_PROGRAM_CODES]));
    const wioa = await http.get('/programs/WIOA_YOUTH').set('authorization', as('job_developer')).expect(200);
    expect(wioa.body).toMatchObject({ code: 'WIOA_YOUTH', label: 'WIOA Youth', fundingStream: 'federal', active: true });
    expect(wioa.body.rules.find((r: { kind: string }) => r.kind === 'anyOf').rules[0].table.amountsByHouseholdSize.length).toBeGreaterThan(0);
    await http.get('/programs/NOPE_NOT_THERE').set('authorization', admin).expect(404);
  });

  it('gives every program its journey deadlines: the defaults, follow-up from employment for WIOA Adult and DW', async () => {
    const res = await http.get('/programs').set('authorization', admin).expect(200);
    const rules = Object.fromEntries(res.body.map((p: { code: string; journeyRules: unknown }) => [p.code, p.journeyRules]));

    expect(rules.SNAP_ET).toEqual(DEFAULT_JOURNEY_RULES);
    expect(rules.WIOA_YOUTH).toMatchObject({ followUpFrom: 'exit', exitInactivityDays: 90, followUpContactDays: [30, 90, 180, 270, 365] });
    expect(rules.WIOA_ADULT).toMatchObject({ followUpFrom: 'employment_start', planDueDays: 30, contactIntervalDays: 30 });
    expect(rules.WIOA_DISLOCATED_WORKER).toMatchObject({ followUpFrom: 'employment_start' });
  });

  it('lets an administrator set a program’s journey deadlines, refusing impossible ones with field paths', async () => {
    const withRules = `${code}_JR`;
    const bad = await http
      .post('/programs')
      .set('authorization', admin)
      .send({ ...local, code: withRules, journeyRules: { planDueDays: 0, followUpContactDays: [90, 30] } })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['journeyRules.planDueDays', 'journeyRules.followUpContactDays']),
    );
    await http.get(`/programs/${withRules}`).set('authorization', admin).expect(404);

    const created = await http
      .post('/programs')
      .set('authorization', admin)
      .send({ ...local, code: withRules, journeyRules: { planDueDays: 14, exitInactivityDays: 60 } })
      .expect(201);
    expect(created.body.journeyRules).toEqual({ ...DEFAULT_JOURNEY_RULES, planDueDays: 14, exitInactivityDays: 60 });
  });

  it('lets an administrator create a local program that then counts as known', async () => {
    const res = await http.post('/programs').set('authorization', admin).send(local).expect(201);
    expect(res.body).toMatchObject({ code, fundingStream: 'local', active: true, version: 1, updatedBy: 'admin' });
    await http.post('/programs').set('authorization', admin).send(local).expect(409);
    const ref = await http.get('/reference').set('authorization', as('trainer')).expect(200);
    expect(ref.body.programs).toContainEqual({ code, label: 'Veterans Bridge (county)' });
    expect(await app.get(ProgramCatalog).check({ office: 'riverside-ajc', programs: ['WIOA_ADULT', code] })).toEqual([]);
  });

  it('refuses invalid rules with field paths into the rule, and writes nothing', async () => {
    const bad = `${code}_BAD`;
    const res = await http
      .post('/programs')
      .set('authorization', admin)
      .send({
        ...local,
        code: bad,
        rules: [
          { kind: 'rightToWork', document: 'I-9' },
          { kind: 'age', min: 30, max: 20, document: 'ID' },
          { kind: 'incomeAtMostPercentOfTable', percent: -5, table: { amountsByHouseholdSize: [], perAdditionalPerson: 1 }, document: 'Pay stubs' },
        ],
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['rules.1.min', 'rules.2.percent', 'rules.2.table.amountsByHouseholdSize']),
    );
    await http.get(`/programs/${bad}`).set('authorization', admin).expect(404);
  });

  it('replaces a program whole with optimistic concurrency, then deactivates it without deleting it', async () => {
    const current = (await http.get(`/programs/${code}`).set('authorization', admin).expect(200)).body;
    const { code: _c, createdAt: _a, updatedAt: _u, updatedBy: _b, ...editable } = current;
    const edited = await http
      .put(`/programs/${code}`)
      .set('authorization', admin)
      .send({ ...editable, label: 'Veterans Bridge', rules: [local.rules[0]] })
      .expect(200);
    expect(edited.body).toMatchObject({ label: 'Veterans Bridge', version: 2, rules: [local.rules[0]] });

    const stale = await http.put(`/programs/${code}`).set('authorization', admin).send({ ...editable, label: 'Lost update' }).expect(409);
    expect(stale.body.message).toMatch(/version 1 \(now version 2\)/);

    await http.post(`/programs/${code}/deactivate`).set('authorization', admin).send({}).expect(200);
    const after = (await http.get(`/programs/${code}`).set('authorization', admin).expect(200)).body;
    expect(after).toMatchObject({ active: false, label: 'Veterans Bridge', version: 3 });
    const active = await http.get('/programs?active=true').set('authorization', admin).expect(200);
    expect(active.body.map((p: { code: string }) => p.code)).not.toContain(code);
    expect(await app.get(ProgramCatalog).check({ programs: [code, 'NOPE_X'] }, 'person.')).toEqual([
      { field: 'person.programsOfInterest.0', message: `Program ${code} is no longer active` },
      { field: 'person.programsOfInterest.1', message: 'Unknown program: NOPE_X' },
    ]);
  });

  it('manages offices the same way', async () => {
    const office = `t-${randomUUID().slice(0, 8)}`;
    const body = { code: office, name: 'Test Office', region: 'East', address: { line1: '1 Main St', city: 'Duluth', state: 'MN', postalCode: '55802' } };
    await http.post('/offices').set('authorization', admin).send(body).expect(201);
    expect(await app.get(ProgramCatalog).check({ office })).toEqual([]);
    const bad = await http.post('/offices').set('authorization', admin).send({ ...body, code: 'Bad Code', address: { ...body.address, postalCode: 'x' } }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['address.postalCode', 'code']);
    const put = await http.put(`/offices/${office}`).set('authorization', admin).send({ name: 'Test Office East', region: 'East', version: 1 }).expect(200);
    expect(put.body.address).toBeUndefined();
    await http.post(`/offices/${office}/deactivate`).set('authorization', admin).send({ version: 2 }).expect(200);
    expect(await app.get(ProgramCatalog).check({ office })).toEqual([{ field: 'office', message: `Office ${office} is no longer active` }]);
    const ref = await http.get('/reference').set('authorization', admin).expect(200);
    expect(ref.body.offices.map((o: { code: string }) => o.code)).not.toContain(office);
  });

  it('lets only administrators change configuration', async () => {
    await http.post('/programs').set('authorization', as('case_manager')).send({ ...local, code: `${code}_CM` }).expect(403);
    await http.put('/programs/WIOA_ADULT').set('authorization', as('supervisor')).send({}).expect(403);
    await http.post('/offices/north-ajc/deactivate').set('authorization', as('intake_worker')).send({}).expect(403);
  });
});
