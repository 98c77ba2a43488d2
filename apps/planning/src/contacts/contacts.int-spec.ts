import { randomUUID } from 'node:crypto';
import type { ContactRecordedV1, ContactView, EventEnvelope } from '@waypoint/contracts';
import { waitFor } from '@waypoint/platform/testing';
import { dayFromToday, PlanningUnderTest } from '../testing/planning-under-test';

// Contacts against the real FerretDB and Kafka: stored with planning.contact.recorded in one
// document write, published on the planning topic; refused ones leave nothing behind.
describe('planning: contacts', () => {
  let p: PlanningUnderTest;

  beforeAll(async () => {
    p = await PlanningUnderTest.start();
  });
  afterAll(() => p.close());

  const record = async (participantId: string, body: object, roles = ['case_manager']) => {
    const res = await p.call('POST', `/participants/${participantId}/contacts`, roles, body);
    if (res.status === 201) p.svc.deleteAtClose('contacts', (res.body as ContactView).id);
    return res;
  };
  const storedOf = (participantId: string) => p.svc.db.collection('contacts').find({ participantId }).toArray();

  it('records a contact with who and when and publishes planning.contact.recorded from the outbox', async () => {
    const id = await p.registerPerson();
    const res = await record(id, { contactType: 'phone', contactOn: dayFromToday(-1), program: 'WIOA_ADULT', summary: 'Checked in about the course' });
    expect(res.status).toBe(201);
    const contact = res.body as ContactView;
    expect(contact).toEqual({
      id: expect.any(String),
      participantId: id,
      contactType: 'phone',
      contactOn: dayFromToday(-1),
      program: 'WIOA_ADULT',
      summary: 'Checked in about the course',
      recordedBy: 'tester',
      recordedAt: expect.any(String),
    });
    const [event] = await waitFor('the contact event', () => {
      const found = p.planningEvents.events<EventEnvelope<ContactRecordedV1>>((e) => e.type === 'planning.contact.recorded' && e.data.contactId === contact.id);
      return found.length === 1 && found;
    });
    expect(event.data).toEqual({ participantId: id, contactId: contact.id, contactType: 'phone', contactOn: dayFromToday(-1), program: 'WIOA_ADULT', recordedBy: 'tester' });
  });

  it('refuses a contact in the future (422), a malformed one (400) and one for an unknown person (404), writing nothing', async () => {
    const id = await p.registerPerson();
    const future = await record(id, { contactType: 'video', contactOn: dayFromToday(1) });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ field: 'contactOn', message: expect.stringMatching(/day still to come/) }]);
    const bad = await record(id, { contactType: 'pigeon', contactOn: 'yesterday', summary: 'x'.repeat(281) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contactOn', 'contactType', 'summary']);
    expect((await record(randomUUID(), { contactType: 'phone', contactOn: dayFromToday(0) })).status).toBe(404);
    expect(await storedOf(id)).toEqual([]);
  });

  it('records a retried submission once (same Idempotency-Key)', async () => {
    const id = await p.registerPerson();
    const key = { 'idempotency-key': `contact-form-${randomUUID()}` };
    const body = { contactType: 'text', contactOn: dayFromToday(0) };
    const first = await p.call('POST', `/participants/${id}/contacts`, ['case_manager'], body, key);
    expect(first.status).toBe(201);
    p.svc.deleteAtClose('contacts', first.body.id);
    const retry = await p.call('POST', `/participants/${id}/contacts`, ['case_manager'], body, key);
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body]).toEqual([200, 'true', first.body]);
    expect(await storedOf(id)).toHaveLength(1);
  });

  it("lists the person's contacts newest first to the case manager and the supervisor only", async () => {
    const id = await p.registerPerson();
    const first = (await record(id, { contactType: 'in_person', contactOn: dayFromToday(-40) })).body as ContactView;
    const second = (await record(id, { contactType: 'email', contactOn: dayFromToday(-3) })).body as ContactView;
    const res = await p.call('GET', `/participants/${id}/contacts`, ['supervisor']);
    expect(res.status).toBe(200);
    expect((res.body as ContactView[]).map((c) => c.id)).toEqual([second.id, first.id]);
    expect((await p.call('GET', `/participants/${id}/contacts`, ['job_developer'])).status).toBe(403);
    expect((await record(id, { contactType: 'phone', contactOn: dayFromToday(0) }, ['supervisor'])).status).toBe(403);
  });
});
