import { Injectable } from '@nestjs/common';

/**
 * Runs the writes to one participant document one after another, within this process.
 *
 * Why: FerretDB 1.x (our engine without Docker) applies an update as read-then-write, so two
 * updates of one document at the same moment can leave only one of them (say a consent
 * pushed while the outbox relay clears the outbox: the consent is gone). Every writer of
 * participant documents in intake (repository, journey projection, outbox relay) goes
 * through this lock. MongoDB proper does not need it; with several intake instances on
 * FerretDB it would not be enough (see docs/intake/people.md, "Known limits").
 */
@Injectable()
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

  /** The collection with its `updateOne` taken through the lock (keyed by the filter's `_id`). */
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
