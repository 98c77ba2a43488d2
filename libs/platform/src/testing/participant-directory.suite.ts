import { randomUUID } from 'node:crypto';
import type { InProcessService } from './in-process-service';
import { participantRegistered } from './participant-registered.builder';
import { participantUpdated } from './participant-updated.builder';

export interface ParticipantDirectoryUnderTest {
  /** The service, started by the spec's beforeAll. */
  svc: () => InProcessService;
  /** The consumer group that keeps the directory. */
  group: string;
  /** The directory's collection, for clean-up and to read the version it holds. */
  collection: string;
  /** Where the service's API shows one person (`GET`), answering 404 for someone it does not show. */
  pathOf: (participantId: string) => string;
  /** Roles that may read that path. */
  roles: string[];
  /** What the API shows once the person below is registered and corrected to lastName Mensah, office east-ajc. */
  completed: (registered: ReturnType<typeof participantRegistered>['envelope']['data']) => Record<string, unknown>;
}

/**
 * The behaviour every participant directory shares, against the real engines: intake's
 * `participant.updated` corrections reach it, are applied only when newer than the version
 * it holds, and one that arrives before the registration is kept and completed by it.
 * Call inside the service's describe block.
 */
export function itKeepsTheParticipantDirectoryCurrent(d: ParticipantDirectoryUnderTest): void {
  const newPerson = () => {
    const id = randomUUID();
    d.svc().deleteAtClose(d.collection, id);
    return id;
  };
  const shown = async (id: string): Promise<Record<string, unknown> | null> => {
    const res = await d.svc().get(d.pathOf(id), d.roles);
    if (res.status === 404) return null;
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const deliver = async (...events: ReturnType<typeof participantUpdated | typeof participantRegistered>[]) => {
    await d.svc().publish(...events);
    await d.svc().waitProcessed(d.group, events[events.length - 1]);
  };

  it('shows the corrected name and office once the update arrives', async () => {
    const id = newPerson();
    const changes = { lastName: 'Okafor-Reyes', office: 'east-ajc' };
    await deliver(participantRegistered({ participantId: id }), participantUpdated({ participantId: id, version: 2, changes }));
    expect(await shown(id)).toMatchObject({ firstName: 'Ada', ...changes });
  });

  it('never moves back: a redelivered update and an older update after a newer one change nothing', async () => {
    const id = newPerson();
    const v2 = participantUpdated({ participantId: id, version: 2, changes: { firstName: 'Second' } });
    const v3 = participantUpdated({ participantId: id, version: 3, changes: { firstName: 'Third', office: 'east-ajc' } });
    // v3 again as the very same event, v3 announced again under a new event id, then v2 late.
    const v3Again = participantUpdated({ ...v3.envelope.data });
    const late = participantUpdated({ ...v2.envelope.data });
    await deliver(participantRegistered({ participantId: id }), v2, v3, v3, v3Again, late);
    expect(await shown(id)).toMatchObject({ firstName: 'Third', lastName: 'Okafor', office: 'east-ajc' });
    expect(await d.svc().db.collection<{ _id: string }>(d.collection).findOne({ _id: id })).toMatchObject({ version: 3 });
  });

  it('applies an update to an entry written before entries held a version', async () => {
    const id = newPerson();
    await deliver(participantRegistered({ participantId: id }));
    await d.svc().db.collection<{ _id: string }>(d.collection).updateOne({ _id: id }, { $unset: { version: '' } });
    await deliver(participantUpdated({ participantId: id, version: 2, changes: { lastName: 'Okafor-Reyes' } }));
    expect(await shown(id)).toMatchObject({ firstName: 'Ada', lastName: 'Okafor-Reyes' });
  });

  it('keeps an update that comes before the registration, and the registration then completes the entry', async () => {
    const id = newPerson();
    await deliver(participantUpdated({ participantId: id, version: 2, changes: { lastName: 'Mensah', office: 'east-ajc' } }));
    // Known only from the update: not shown until the registration arrives.
    expect(await shown(id)).toBeNull();

    const registered = participantRegistered({ participantId: id });
    await deliver(registered);
    expect(await shown(id)).toEqual(d.completed(registered.envelope.data));
  });
}
