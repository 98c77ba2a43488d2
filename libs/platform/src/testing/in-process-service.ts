import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Audiences, TokenSigner } from '../auth/token';
import { createHttpApp } from '../http/bootstrap';
import { EventPublisher, type PublishableEvent } from '../kafka/event-publisher';
import type { JsonLogger } from '../logging/json-logger';
import { waitFor } from './wait-for';

export interface InProcessServiceOptions {
  logger: JsonLogger;
  /** INTERNAL_TOKEN_SECRET of the service's config: requests carry internal tokens, as from the gateway. */
  tokenSecret: string;
  /** The service's consumer groups, so `close()` can forget the events the test published. */
  consumerGroups?: string[];
}

type Ids = { _id: string };

/**
 * One service's Nest app inside the test process, on a free loopback port, against the real
 * engines. The test publishes real events with the service's own publisher, calls the HTTP
 * API with internal tokens, and at the end only the documents it made are deleted.
 */
export class InProcessService {
  private readonly eventIds: string[] = [];
  private readonly made = new Map<string, string[]>();

  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    private readonly signer: TokenSigner,
    private readonly consumerGroups: string[],
  ) {}

  static async start(module: unknown, options: InProcessServiceOptions): Promise<InProcessService> {
    const app = await createHttpApp(module, options.logger);
    await app.listen(0, '127.0.0.1');
    return new InProcessService(app, await app.getUrl(), new TokenSigner(options.tokenSecret), options.consumerGroups ?? []);
  }

  get db(): Connection {
    return this.app.get<Connection>(getConnectionToken());
  }

  token(roles: string[]): string {
    return this.signer.sign({ sub: 'u-test', username: 'tester', roles }, Audiences.internal, 60);
  }

  /** `GET path` with a token carrying `roles`, or with no token at all. */
  get(path: string, roles?: string[]): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: roles ? { authorization: `Bearer ${this.token(roles)}` } : {} });
  }

  /** Publishes in order (the same event twice is a redelivery) and remembers the ids for `close()`. */
  async publish(...events: PublishableEvent[]): Promise<void> {
    this.eventIds.push(...events.map((e) => e.envelope.id));
    await this.app.get(EventPublisher).publish(events);
  }

  /** Waits until consumer group `groupId` has processed `event`. */
  async waitProcessed(groupId: string, event: PublishableEvent): Promise<void> {
    const processed = this.db.collection<Ids>('processed_events');
    await waitFor(`${groupId} to process ${event.envelope.type} ${event.envelope.id}`, () =>
      processed.findOne({ _id: `${groupId}:${event.envelope.id}` }),
    );
  }

  /** Documents the test made, deleted by `close()`. */
  deleteAtClose(collection: string, ...ids: string[]): void {
    this.made.set(collection, [...(this.made.get(collection) ?? []), ...ids]);
  }

  async close(): Promise<void> {
    for (const [collection, ids] of this.made) await this.db.collection<Ids>(collection).deleteMany({ _id: { $in: ids } });
    const marks = this.consumerGroups.flatMap((g) => this.eventIds.map((id) => `${g}:${id}`));
    if (marks.length) await this.db.collection<Ids>('processed_events').deleteMany({ _id: { $in: marks } });
    await this.app.close();
  }
}
