import type { InjectionToken, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { JsonLogger } from '../logging/json-logger';
import { KAFKA } from '../platform.module';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';

/** An EventConsumer that starts with the application and stops with it. */
export class ManagedEventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(readonly consumer: EventConsumer) {}
  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }
  onApplicationShutdown(): Promise<void> {
    return this.consumer.close();
  }
}

export interface EventConsumerProviderOptions<TDeps extends unknown[]>
  extends Pick<EventConsumerOptions, 'groupId' | 'topics' | 'maxAttempts' | 'handlerTimeoutMs' | 'fromBeginning'> {
  /** What the handlers need (repositories, services), passed to `handle` in this order. */
  inject?: InjectionToken[];
  /** Registers the group's handlers: `consumer.on(contract, handler)` for each event it reads. */
  handle: (consumer: EventConsumer, ...deps: TDeps) => EventConsumer;
}

/**
 * One consumer group of a service as a Nest provider: the EventConsumer on the service's
 * Kafka client, its own database (processed event ids) and logger, started at application
 * bootstrap and closed at shutdown. The provider token is the group id.
 */
export function provideEventConsumer<TDeps extends unknown[]>(options: EventConsumerProviderOptions<TDeps>): Provider {
  const { inject = [], handle, ...consumerOptions } = options;
  return {
    provide: options.groupId,
    inject: [KAFKA, getConnectionToken(), JsonLogger, ...inject],
    useFactory: (kafka: Kafka, connection: Connection, logger: JsonLogger, ...deps: unknown[]) => {
      const consumer = new EventConsumer({ ...consumerOptions, kafka, connection, logger: logger.child(options.groupId) });
      return new ManagedEventConsumer(handle(consumer, ...(deps as TDeps)));
    },
  };
}
