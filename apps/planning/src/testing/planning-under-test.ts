import { randomUUID } from 'node:crypto';
import { ConsumerGroups, Topics } from '@waypoint/contracts';
import { createKafka, JsonLogger } from '@waypoint/platform';
import { InProcessService, participantRegistered, TopicReader } from '@waypoint/platform/testing';
import { PlanningAppModule } from '../app.module';
import { loadPlanningConfig } from '../config';

/**
 * The planning service in the test process against the real engines, with what casework
 * tests need: calls as a role, people registered through real intake events, and planning's
 * own events as published on its topic.
 */
export class PlanningUnderTest {
  private constructor(
    readonly svc: InProcessService,
    readonly planningEvents: TopicReader,
  ) {}

  static async start(): Promise<PlanningUnderTest> {
    const config = loadPlanningConfig({ ...process.env, LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '200' });
    const logger = new JsonLogger('planning', 'warn');
    const consumerGroups = [ConsumerGroups.planningCaseworkDirectory, ConsumerGroups.planningJourneyTasks, ConsumerGroups.planningParticipantDirectory];
    const svc = await InProcessService.start(PlanningAppModule.register(config, logger), { logger, tokenSecret: config.INTERNAL_TOKEN_SECRET, consumerGroups });
    const reader = await new TopicReader(createKafka('planning-test', config.KAFKA_BROKERS), Topics.planning).start();
    return new PlanningUnderTest(svc, reader);
  }

  /** A call as a user with `roles` (anonymous with none); the JSON body parsed. */
  async call(method: string, path: string, roles: string[], body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.svc.baseUrl + path, {
      method,
      headers: {
        ...(roles.length ? { authorization: `Bearer ${this.svc.token(roles)}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as any };
  }

  /** Registers a person through a real intake event and waits until casework knows them. */
  async registerPerson(fields: { office?: string; firstName?: string; lastName?: string } = {}): Promise<string> {
    const event = participantRegistered({ participantId: randomUUID(), ...fields });
    this.svc.deleteAtClose('participant_directory', event.envelope.participantId);
    this.svc.deleteAtClose('plan_queue', event.envelope.participantId);
    this.svc.deleteAtClose('case_files', event.envelope.participantId);
    await this.svc.publish(event);
    await this.svc.waitProcessed(ConsumerGroups.planningCaseworkDirectory, event);
    return event.envelope.participantId;
  }

  async close(): Promise<void> {
    await this.planningEvents.stop();
    await this.svc.close();
  }
}

/** The UTC date `days` from today (negative: before). */
export const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
