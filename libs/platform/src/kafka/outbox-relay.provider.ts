import type { InjectionToken, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { JsonLogger } from '../logging/json-logger';
import { DocumentWriteLocks } from '../mongo/document-write-lock';
import { EventPublisher } from './event-publisher';
import { OutboxRelay } from './outbox';

/** Poll interval of every outbox relay of a service (ms); provide it once in the service's root module. */
export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/** An OutboxRelay that starts with the application and drains its last pass at shutdown. */
export class ManagedOutboxRelay extends OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  onApplicationBootstrap(): void {
    this.start();
  }
  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }
}

/**
 * The outbox relay of one collection as a Nest provider: inject it by `token` and call
 * `kick()` after a write that appended events. One relay per collection that has an outbox.
 * Writers that update documents of that collection take `DocumentWriteLocks.for(collection)`.
 */
export function provideOutboxRelay(options: { token: InjectionToken; collection: string }): Provider {
  return {
    provide: options.token,
    inject: [getConnectionToken(), EventPublisher, JsonLogger, OUTBOX_POLL_MS, DocumentWriteLocks],
    useFactory: (connection: Connection, publisher: EventPublisher, logger: JsonLogger, intervalMs: number, locks: DocumentWriteLocks) =>
      new ManagedOutboxRelay({
        name: options.collection,
        collection: connection.collection(options.collection),
        // The relay's clearing of a document's outbox takes the collection's write lock, so it
        // never races the service's own update of that document (see DocumentWriteLock).
        lock: locks.for(options.collection),
        publisher,
        logger: logger.child(`outbox.${options.collection}`),
        intervalMs,
      }),
  };
}
