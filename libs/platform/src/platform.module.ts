import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { AUTH_OPTIONS, AuthGuard } from './auth/auth.guard';
import { TokenSigner, type Audience } from './auth/token';
import type { BaseConfig } from './config/load-config';
import { HEALTH_CHECKS, HealthController, HealthService, SERVICE_NAME, type HealthCheck } from './health/health';
import { createKafka, ensureTopics } from './kafka/kafka-client';
import { EventPublisher } from './kafka/event-publisher';
import { DocumentWriteLocks } from './mongo/document-write-lock';
import { JsonLogger } from './logging/json-logger';
import { databaseName } from './namespace';

export const KAFKA = Symbol('KAFKA');
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export interface PlatformOptions {
  /** Service name: logs, Kafka client id, and the database `waypoint_<service>` (see namespace.ts). */
  service: string;
  config: BaseConfig;
  /** Which tokens this process accepts: staff tokens (gateway) or internal ones (services). */
  audience: Audience;
  tokenSecret: string;
  /** Topics this process produces to or consumes from; created at start if missing. */
  topics?: string[];
  /** Set false for a process with no database (none today). */
  mongo?: boolean;
  logger?: JsonLogger;
}

@Injectable()
class PlatformLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.topics?.length) await ensureTopics(this.kafka, this.options.topics);
    await this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/**
 * Everything a Waypoint process shares: JSON logger, Kafka client and publisher, the
 * service's own MongoDB database, the global auth guard and `GET /health`.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const logger = options.logger ?? new JsonLogger(options.service, options.config.LOG_LEVEL);
    const kafkaHealth: Provider = {
      provide: HEALTH_CHECKS,
      inject: [KAFKA, ...(options.mongo === false ? [] : [getConnectionToken()])],
      useFactory: (kafka: Kafka, connection?: Connection): HealthCheck[] => {
        const admin = kafka.admin();
        let connected: Promise<void> | undefined;
        const checks: HealthCheck[] = [
          {
            name: 'kafka',
            check: async () => {
              connected ??= admin.connect().catch((e) => {
                connected = undefined;
                throw e;
              });
              await connected;
              await admin.describeCluster();
            },
            close: async () => {
              if (connected) await admin.disconnect();
              connected = undefined;
            },
          },
        ];
        if (connection) {
          checks.push({
            name: 'mongo',
            check: async () => {
              if (!connection.db) throw new Error('not connected');
              await connection.db.admin().ping();
            },
          });
        }
        return checks;
      },
    };
    return {
      module: PlatformModule,
      imports:
        options.mongo === false
          ? []
          : [
              MongooseModule.forRoot(options.config.MONGO_URL, {
                dbName: databaseName(options.service),
                serverSelectionTimeoutMS: 10_000,
              }),
            ],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: JsonLogger, useValue: logger },
        { provide: KAFKA, useFactory: () => createKafka(options.service, options.config.KAFKA_BROKERS, logger) },
        { provide: EventPublisher, inject: [KAFKA], useFactory: (kafka: Kafka) => new EventPublisher(kafka) },
        { provide: AUTH_OPTIONS, useValue: { signer: new TokenSigner(options.tokenSecret), audience: options.audience } },
        { provide: APP_GUARD, useClass: AuthGuard },
        kafkaHealth,
        HealthService,
        PlatformLifecycle,
        DocumentWriteLocks,
      ],
      exports: [JsonLogger, KAFKA, EventPublisher, AUTH_OPTIONS, PLATFORM_OPTIONS, HealthService, DocumentWriteLocks],
    };
  }
}
