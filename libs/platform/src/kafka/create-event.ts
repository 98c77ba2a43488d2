import { randomUUID } from 'node:crypto';
import type { Actor, EventContract, EventEnvelope } from '@waypoint/contracts';
import { currentContext, newCorrelationId } from '../logging/request-context';

const systemActor: Actor = { type: 'system', id: 'system' };

/**
 * Builds a validated envelope for a contract. Correlation, causation and actor come from
 * the unit of work in progress unless given.
 */
export function createEvent<TData>(
  contract: EventContract<string, TData>,
  participantId: string,
  data: TData,
  options: { id?: string; actor?: Actor; correlationId?: string; causationId?: string; occurredAt?: Date } = {},
): EventEnvelope<TData> {
  const ctx = currentContext();
  const parsed = contract.data.parse(data);
  return {
    id: options.id ?? randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    participantId,
    correlationId: options.correlationId ?? ctx?.correlationId ?? newCorrelationId(),
    ...(options.causationId ?? ctx?.causationId ? { causationId: options.causationId ?? ctx?.causationId } : {}),
    actor: options.actor ?? ctx?.actor ?? systemActor,
    data: parsed,
  };
}
