
/**
 * Runs the writes to one document of one collection one after another, within this process.
 *
 * Why: FerretDB 1.x (our engine without Docker) applies an update as read-then-write, so two
 * updates of one document at the same moment can leave only one of them (a consent pushed
 * while the outbox relay clears the outbox: the consent is gone; two replaces guarded by
 * the same version: both "win"). Every writer of a document that can be updated
 * concurrently (repositories, consumers, the outbox relay through `provideOutboxRelay`)
 * takes the lock of its collection from `DocumentWriteLocks`. MongoDB proper does not need
 * it; with several instances of one service on FerretDB it is not enough (docs/engines.md).
 */
export class DocumentWriteLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(id: string, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(id) ?? Promise.resolve();
    const result = previous.then(write, write);
    const tail = result.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return result;
  }

  /** How many documents have writes queued or running (for tests). */
  get busy(): number {
    return this.tails.size;
  }

  /** The collection with its `updateOne` taken through the lock (keyed by the filter's `_id`); other calls pass through. */
  wrap<C extends { updateOne: unknown }>(collection: C): C {
    return new Proxy(collection, {
      get: (target, prop) => {
        if (prop === 'updateOne') {
          return (filter: { _id?: unknown }, ...rest: unknown[]) =>
            this.run(String(filter._id), () => (target.updateOne as (...args: unknown[]) => Promise<unknown>)(filter, ...rest));
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

/** One DocumentWriteLock per collection, shared by every writer in the process. */
export class DocumentWriteLocks {
  private readonly locks = new Map<string, DocumentWriteLock>();

  for(collection: string): DocumentWriteLock {
    let lock = this.locks.get(collection);
    if (!lock) this.locks.set(collection, (lock = new DocumentWriteLock()));
    return lock;
  }

  /** The collection with its `updateOne` taken through that collection's lock. */
  writesTo<C extends { collectionName: string; updateOne: unknown }>(collection: C): C {
    return this.for(collection.collectionName).wrap(collection);
  }
}
