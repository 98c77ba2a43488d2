import { DocumentWriteLock, DocumentWriteLocks } from './document-write-lock';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('DocumentWriteLock', () => {
  it('runs writes to one document one at a time, in order, and others in parallel', async () => {
    const lock = new DocumentWriteLock();
    const log: string[] = [];
    const write = (id: string, n: number) =>
      lock.run(id, async () => {
        log.push(`start ${id}${n}`);
        await tick();
        log.push(`end ${id}${n}`);
        return n;
      });
    const results = await Promise.all([write('a', 1), write('a', 2), write('b', 1)]);
    expect(results).toEqual([1, 2, 1]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    expect(lock.busy).toBe(0);
  });

  it('goes on after a failed write, and reports the failure to its caller only', async () => {
    const lock = new DocumentWriteLock();
    const failed = lock.run('a', () => Promise.reject(new Error('boom')));
    const next = lock.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('takes updateOne of a wrapped collection through the lock, by _id', async () => {
    const lock = new DocumentWriteLock();
    const calls: string[] = [];
    const collection = {
      name: 'participants',
      updateOne: async (filter: { _id: string }) => {
        calls.push(`start ${filter._id}`);
        await tick();
        calls.push(`end ${filter._id}`);
        return { matchedCount: 1 };
      },
      find: () => 'cursor',
    };
    const wrapped = lock.wrap(collection as never) as unknown as typeof collection;
    expect(wrapped.find()).toBe('cursor');
    expect(wrapped.name).toBe('participants');
    await Promise.all([wrapped.updateOne({ _id: 'a' }), lock.run('a', async () => calls.push('other writer'))]);
    expect(calls).toEqual(['start a', 'end a', 'other writer']);
  });

  it('keeps one lock per collection, shared by whoever asks for it', () => {
    const locks = new DocumentWriteLocks();
    expect(locks.for('participants')).toBe(locks.for('participants'));
    expect(locks.for('participants')).not.toBe(locks.for('enrollments'));
    // writesTo picks the lock by the collection's name: a write through it waits for that lock.
    const order: string[] = [];
    const collection = { collectionName: 'participants', updateOne: async (_filter: unknown) => void order.push('update') };
    const held = locks.for('participants').run('a', async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push('held');
    });
    return Promise.all([held, locks.writesTo(collection).updateOne({ _id: 'a' } as never)]).then(() => expect(order).toEqual(['held', 'update']));
  });
});
