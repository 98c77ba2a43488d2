import { getConnectionToken } from '@nestjs/mongoose';
import { randomInt } from 'node:crypto';
import type { Connection } from 'mongoose';
import type {
  ConsentList,
  ConsentView,
  DuplicateCheckResponse,
  DuplicateConflictBody,
  IntakeSessionDetail,
  IntakeSessionList,
  ParticipantDetail,
  ParticipantPage,
} from '@waypoint/contracts';
import { waitFor } from '@waypoint/platform/testing';
import { GatewayWithIntake } from '../testing/gateway-with-intake';

// People through the gateway (intake as its own process, real FerretDB and Kafka):
// duplicate check, SSN handling, group intake sessions, consents, corrections, roles.
describe('people through the gateway', () => {
  let gw: GatewayWithIntake;

  beforeAll(async () => {
    gw = await GatewayWithIntake.start();
  });
  afterAll(async () => {
    await gw.close();
  });


  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
  /** A name no earlier run can resemble (random letters, no shared prefix). */
  const name = () => `${letters(1).toUpperCase()}${letters(9)}`;
  const ssnFor = () => `${randomInt(100, 665)}-${randomInt(10, 99)}-${randomInt(1000, 9999)}`;
  const dob = () => `19${randomInt(60, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`;
  const person = (over: Record<string, unknown> = {}) => ({
    firstName: name(),
    lastName: name(),
    dateOfBirth: dob(),
    email: `${letters(12)}@example.org`,
    phone: `651${randomInt(2_000_000, 9_999_999)}`,
    office: 'north-ajc',
    programsOfInterest: ['WIOA_ADULT'],
    ...over,
  });
  const worker = () => gw.as('intake_worker');
  const byName = async (lastName: string) =>
    (await worker().get(`/participants?q=${encodeURIComponent(lastName)}`).expect(200)).body.items as { id: string }[];

  it('shows scored candidates with reasons for a person already on file, and writes nothing', async () => {
    const ssn = ssnFor();
    const existing = person({ ssn });
    const created = await worker().post('/participants', existing).expect(201);

    const exact = await worker()
      .post('/participants/duplicate-check', { firstName: existing.firstName, lastName: existing.lastName, dateOfBirth: existing.dateOfBirth, ssn })
      .expect(200);
    const check = exact.body as DuplicateCheckResponse;
    expect(check.candidates[0]).toMatchObject({ participant: { id: created.body.id }, score: 100, level: 'certain' });
    expect(check.candidates[0].reasons.map((r) => r.rule)).toEqual(['name-dob', 'ssn-dob', 'ssn-exact']);
    expect(check.reviewRequiredFor).toEqual([created.body.id]);

    // Names swapped, no SSN: still found, 'likely'.
    const swapped = await worker()
      .post('/participants/duplicate-check', { firstName: existing.lastName, lastName: existing.firstName, dateOfBirth: existing.dateOfBirth })
      .expect(200);
    expect(swapped.body.candidates).toEqual([
      expect.objectContaining({ participant: expect.objectContaining({ id: created.body.id }), score: 70, level: 'likely' }),
    ]);

    // The whole SSN with a mistyped date of birth: still likely.
    const typo = await worker()
      .post('/participants/duplicate-check', { firstName: existing.firstName, lastName: existing.lastName, dateOfBirth: '2001-01-01', ssn })
      .expect(200);
    expect(typo.body.candidates[0]).toMatchObject({ participant: { id: created.body.id }, level: 'likely' });
    expect(typo.body.candidates[0].reasons.map((r: { rule: string }) => r.rule)).toEqual(['name-other-dob', 'ssn-exact', 'dob-differs']);

    // Only the phone (and the birthday) in common: 'possible', no review needed. (With
    // another date of birth too, a shared phone alone scores nothing: households share one.)
    const household = await worker()
      .post('/participants/duplicate-check', { firstName: name(), lastName: name(), dateOfBirth: existing.dateOfBirth, phone: existing.phone })
      .expect(200);
    expect(household.body).toEqual({
      candidates: [expect.objectContaining({ score: 20, level: 'possible', reasons: [expect.objectContaining({ rule: 'phone' })] })],
      reviewRequiredFor: [],
    });
    expect(await byName(existing.lastName)).toHaveLength(1);
  });

  it('refuses a likely duplicate without review (409, nothing written), then registers it with the review recorded', async () => {
    const first = person();
    const created = await worker().post('/participants', first).expect(201);
    const again = { ...person(), firstName: first.firstName, lastName: first.lastName, dateOfBirth: first.dateOfBirth };

    const refused = await worker().post('/participants', again).expect(409);
    const body = refused.body as DuplicateConflictBody;
    expect(body).toMatchObject({ statusCode: 409, code: 'possible-duplicate', reviewRequiredFor: [created.body.id] });
    expect(body.message).toMatch(/may already be on file.*Nothing was registered/);
    expect(body.candidates[0]).toMatchObject({ participant: { id: created.body.id }, level: 'likely' });
    // A review that leaves a candidate out is refused too.
    await worker()
      .post('/participants', { ...again, duplicateReview: { confirmedNotDuplicate: true, reviewedCandidateIds: ['someone-else'] } })
      .expect(409);
    expect(await byName(first.lastName)).toHaveLength(1);

    const confirmed = await worker()
      .post('/participants', {
        ...again,
        duplicateReview: { confirmedNotDuplicate: true, reviewedCandidateIds: [created.body.id], note: 'Different mother, same name: cousins' },
      })
      .expect(201);
    expect(confirmed.body.duplicateReview).toEqual({
      confirmedBy: 'intake_worker',
      confirmedAt: expect.any(String),
      reviewedCandidateIds: [created.body.id],
      note: 'Different mother, same name: cousins',
    });
    expect(await byName(first.lastName)).toHaveLength(2);
  });

  it('never returns a whole SSN, shows the last four only to roles that may see them, and audits the read', async () => {
    const ssn = ssnFor();
    const digits = ssn.replace(/-/g, '');
    const last4 = digits.slice(5);
    const p = person({ ssn });
    const created = await worker().post('/participants', p).expect(201);
    const id = created.body.id as string;
    const answers = [created];

    const asWorker = await worker().get(`/participants/${id}`).expect(200);
    answers.push(asWorker);
    expect((asWorker.body as ParticipantPage).participant).toMatchObject({ hasSsn: true, ssnLast4: last4, ssnMasked: `***-**-${last4}` });
    expect(asWorker.headers.etag).toBe('"1"');

    for (const role of ['job_developer', 'trainer'] as const) {
      const res = await gw.as(role).get(`/participants/${id}`).expect(200);
      answers.push(res);
      expect(Object.keys(res.body.participant).filter((k) => /ssn/i.test(k))).toEqual([]);
    }
    answers.push(await worker().get(`/participants?q=${p.lastName}`).expect(200));
    answers.push(await worker().post('/participants/duplicate-check', { firstName: name(), lastName: name(), dateOfBirth: p.dateOfBirth, ssn }).expect(200));
    answers.push(await worker().post('/participants', { ...person(), firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, ssn }).expect(409));
    for (const res of answers) {
      expect(res.text).not.toContain(digits);
      expect(res.text).not.toContain(ssn);
    }
    // The same SSN and date of birth under another name: found by the SSN keys, certain.
    expect(answers[5].body.candidates[0]).toMatchObject({ participant: { id }, level: 'certain' });
    expect(answers[5].body.candidates[0].reasons.map((r: { rule: string }) => r.rule)).toEqual(['ssn-dob', 'ssn-exact']);

    const audit = gw.app.get<Connection>(getConnectionToken()).collection('audit_log');
    const entry = await waitFor('the audited read', () =>
      audit.findOne({ action: 'READ /api/participants/:id', 'detail.params.id': id, actorUsername: 'intake_worker' }),
    );
    expect(entry).toMatchObject({ outcome: 'success', detail: { sensitive: 'participant.ssn-last4' } });
  });

  it('rejects an SSN that cannot exist with a clear message and writes nothing', async () => {
    const p = person({ ssn: '000-12-3456' });
    const res = await worker().post('/participants', p).expect(400);
    expect(res.body.errors).toEqual([{ field: 'ssn', message: 'An SSN never starts with 000, 666 or 9.' }]);
    const shape = await worker().post('/participants', person({ ssn: '12-345' })).expect(400);
    expect(shape.body.errors).toEqual([{ field: 'ssn', message: 'An SSN has 9 digits, e.g. 123-45-6789' }]);
    expect(await byName(p.lastName)).toEqual([]);
  });

  it('runs a group intake session: open, register two, link one on file, close, refuse after close', async () => {
    const onFile = await worker().post('/participants', person()).expect(201);
    const opened = await worker()
      .post('/sessions', { office: 'riverside-ajc', title: `Tuesday orientation ${letters(4)}`, startsAt: '2026-12-01T09:30:00-06:00' })
      .expect(201);
    const sessionId = opened.body.id as string;
    expect(opened.body).toMatchObject({ status: 'open', facilitator: { username: 'intake_worker' }, attendeeCount: 0, startsAt: '2026-12-01T15:30:00.000Z' });

    const a = person({ office: 'riverside-ajc' });
    const key = `session-${letters(10)}`;
    const first = await worker().post(`/sessions/${sessionId}/registrations`, a).set('idempotency-key', key).expect(201);
    const second = await worker().post(`/sessions/${sessionId}/registrations`, person({ office: 'riverside-ajc' })).expect(201);
    expect(first.body).toMatchObject({ registeredInSessionId: sessionId });
    expect(second.body.id).not.toBe(first.body.id);
    // The same person again in the session is a duplicate like anywhere else.
    await worker().post(`/sessions/${sessionId}/registrations`, { ...person(), firstName: a.firstName, lastName: a.lastName, dateOfBirth: a.dateOfBirth }).expect(409);

    const linked = await worker().post(`/sessions/${sessionId}/attendees`, { participantId: onFile.body.id }).expect(200);
    expect(linked.body).toMatchObject({ how: 'linked', participant: { id: onFile.body.id }, by: 'intake_worker' });
    await worker().post(`/sessions/${sessionId}/attendees`, { participantId: onFile.body.id }).expect(200); // again: no change
    await worker().post(`/sessions/${sessionId}/attendees`, { participantId: 'nobody' }).expect(422);

    const detail = (await gw.as('supervisor').get(`/sessions/${sessionId}`).expect(200)).body as IntakeSessionDetail;
    expect(detail.attendeeCount).toBe(3);
    expect(detail.attendees.map((x) => [x.participant.id, x.how]).sort()).toEqual(
      [
        [first.body.id, 'registered'],
        [second.body.id, 'registered'],
        [onFile.body.id, 'linked'],
      ].sort(),
    );

    const closed = await worker().post(`/sessions/${sessionId}/close`).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'intake_worker', attendeeCount: 3 });
    const late = person({ office: 'riverside-ajc' });
    const refused = await worker().post(`/sessions/${sessionId}/registrations`, late).expect(409);
    expect(refused.body).toMatchObject({ code: 'session-closed', message: expect.stringMatching(/closed/) });
    await worker().post(`/sessions/${sessionId}/attendees`, { participantId: second.body.id }).expect(409);
    await worker().post(`/sessions/${sessionId}/close`).expect(409);
    // A retry of a registration that went through still gets its answer.
    const retried = await worker().post(`/sessions/${sessionId}/registrations`, a).set('idempotency-key', key).expect(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(first.body.id);
    expect(await byName(late.lastName)).toEqual([]);

    const list = (await worker().get('/sessions?office=riverside-ajc').expect(200)).body as IntakeSessionList;
    expect(list.items.find((s) => s.id === sessionId)).toMatchObject({ status: 'closed', attendeeCount: 3 });
    const statuses = list.items.map((s) => s.status);
    expect(statuses).toEqual([...statuses].sort((x, y) => (x === y ? 0 : x === 'open' ? -1 : 1)));
    await worker().post('/sessions', { office: 'atlantis', title: 'x', startsAt: '2026-12-01T09:30:00Z' }).expect(422);
    await gw.as('job_developer').post('/sessions', { office: 'north-ajc', title: 'x', startsAt: '2026-12-01T09:30:00Z' }).expect(403);
  });

  it('records consents, lists their status as of today, revokes them, and rejects bad dates', async () => {
    const id = (await worker().post('/participants', person()).expect(201)).body.id as string;
    const today = new Date().toISOString().slice(0, 10);
    const yearsFrom = (d: string, y: number) => `${Number(d.slice(0, 4)) + y}${d.slice(4)}`.replace('-02-29', '-02-28');
    const consent = {
      partner: 'Riverside Housing Trust',
      purpose: 'Coordinate housing support',
      scopes: ['contact', 'barriers'],
      grantedOn: today,
      expiresOn: yearsFrom(today, 1),
      signedBy: 'participant',
    };
    const active = (await gw.as('case_manager').post(`/participants/${id}/consents`, consent).expect(201)).body as ConsentView;
    expect(active).toMatchObject({ status: 'active', scopes: ['barriers', 'contact'], recordedBy: 'case_manager' });
    const old = (
      await worker()
        .post(`/participants/${id}/consents`, { ...consent, partner: 'County Library', grantedOn: '2020-01-01', expiresOn: '2021-01-01', signedBy: 'guardian' })
        .expect(201)
    ).body as ConsentView;
    expect(old.status).toBe('expired');

    const revoked = await worker().post(`/participants/${id}/consents/${active.id}/revoke`, { reason: 'Participant withdrew consent' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revoked: { by: 'intake_worker', reason: 'Participant withdrew consent' } });
    await worker().post(`/participants/${id}/consents/${active.id}/revoke`, { reason: 'again' }).expect(409);
    await worker().post(`/participants/${id}/consents/nope/revoke`, { reason: 'x' }).expect(404);

    const list = (await gw.as('supervisor').get(`/participants/${id}/consents`).expect(200)).body as ConsentList;
    expect(list.asOf).toBe(today);
    expect(list.items.map((c) => [c.partner, c.status])).toEqual([
      ['Riverside Housing Trust', 'revoked'],
      ['County Library', 'expired'],
    ]);

    const badOrder = await worker().post(`/participants/${id}/consents`, { ...consent, expiresOn: today }).expect(400);
    expect(badOrder.body.errors).toEqual([{ field: 'expiresOn', message: 'The expiry date must be after the signed date' }]);
    const tooLong = await worker().post(`/participants/${id}/consents`, { ...consent, expiresOn: yearsFrom(today, 4) }).expect(400);
    expect(tooLong.body.errors[0]).toMatchObject({ field: 'expiresOn', message: expect.stringMatching(/at most 3 years/) });
    await worker().post(`/participants/${id}/consents`, { ...consent, grantedOn: '2026-02-30' }).expect(400);
    await worker().post(`/participants/${id}/consents`, { ...consent, scopes: ['medical-records'] }).expect(400);
    expect((await worker().get(`/participants/${id}/consents`).expect(200)).body.items).toHaveLength(2);

    await gw.as('trainer').get(`/participants/${id}/consents`).expect(403);
    await gw.as('job_developer').get(`/participants/${id}/consents`).expect(403);
    await gw.as('supervisor').post(`/participants/${id}/consents`, consent).expect(403);
  });

  it('changes a record with the version read, and refuses a stale version with 409', async () => {
    const created = await worker().post('/participants', person()).expect(201);
    const id = created.body.id as string;
    const etag = created.headers.etag as string;
    const changed = await worker()
      .patch(`/participants/${id}`, { programsOfInterest: ['WIOA_ADULT', 'SNAP_ET'], address: { line1: '1 Main St', city: 'St Paul', state: 'MN', postalCode: '55101' } })
      .set('if-match', etag)
      .expect(200);
    expect(changed.body).toMatchObject({ version: 2, programsOfInterest: ['SNAP_ET', 'WIOA_ADULT'], address: { city: 'St Paul' } });
    expect(changed.headers.etag).toBe('"2"');

    // A second worker still holding version 1.
    const stale = await gw.as('case_manager').patch(`/participants/${id}`, { office: 'downtown-ajc' }).set('if-match', etag).expect(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: 2 });
    await worker().patch(`/participants/${id}`, { version: 2, programsOfInterest: ['NOT_CONFIGURED'] }).expect(422);
    await worker().patch(`/participants/${id}`, { version: 2, dateOfBirth: '1990-13-01' }).expect(400);
    await worker().patch(`/participants/${id}`, { version: 2, email: null, phone: null }).expect(422);
    const page = (await worker().get(`/participants/${id}`).expect(200)).body as ParticipantPage;
    expect(page.participant).toMatchObject({ version: 2, office: 'north-ajc' });

    await gw.as('trainer').patch(`/participants/${id}`, { version: 2, office: 'downtown-ajc' }).expect(403);
  });

  it('documents every route in OpenAPI with the contract schemas', async () => {
    const res = await gw.as().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/participants/duplicate-check',
        '/api/participants/{id}/consents',
        '/api/participants/{id}/consents/{consentId}/revoke',
        '/api/sessions',
        '/api/sessions/{id}',
        '/api/sessions/{id}/registrations',
        '/api/sessions/{id}/attendees',
        '/api/sessions/{id}/close',
      ]),
    );
    expect(res.body.paths['/api/participants/{id}'].patch.requestBody.content['application/json'].schema.properties).toHaveProperty('dateOfBirth');
    const consent = res.body.paths['/api/participants/{id}/consents'].post.requestBody.content['application/json'].schema;
    expect(consent.properties.scopes.items.enum).toEqual(['contact', 'enrollment', 'assessments', 'barriers', 'employment', 'education']);
    expect(res.body.paths['/api/participants'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('duplicateReview');
  });

  it('refuses roles outside IntakeAccess before forwarding', async () => {
    await gw.as('job_developer').post('/participants', person()).expect(403);
    await gw.as('trainer').post('/participants/duplicate-check', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' }).expect(403);
    await gw.as('supervisor').post('/participants', person()).expect(403);
    const detail: ParticipantDetail = (await gw.as('supervisor').get(`/participants?limit=1`).expect(200)).body.items[0];
    expect(detail).not.toHaveProperty('ssnLast4');
  });
});
