import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { currentCorrelationId, JsonLogger } from '@waypoint/platform';

export interface AuditEntry {
  action: string;
  outcome: 'success' | 'denied' | 'failed';
  actorId?: string;
  actorUsername?: string;
  resource?: string;
  status?: number;
  ip?: string;
  detail?: Record<string, unknown>;
  /** Defaults to the correlation id of the work in progress. */
  correlationId?: string;
}

/**
 * Append-only audit trail: sign-ins (good and bad) and every change made through the
 * gateway. Entries are never updated; reads of sensitive fields join them later.
 */
@Injectable()
export class AuditService {
  private readonly log;
  constructor(
    @InjectConnection() connection: Connection,
    private readonly logger: JsonLogger,
  ) {
    this.log = connection.collection('audit_log');
  }

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.log.insertOne({ _id: randomUUID() as never, at: new Date(), correlationId: currentCorrelationId(), ...entry });
    } catch (err) {
      // An audit write that fails is loud; the request's own outcome has already happened.
      this.logger.error(`audit write failed: ${(err as Error).message}`, 'audit');
    }
  }
}
