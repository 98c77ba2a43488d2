import { contractKey, EventContract } from '../envelope';
import { journeyPhaseChangedV1 } from './journey-phase-changed.v1';
import { participantRegisteredV1 } from './participant-registered.v1';

export * from './journey-phase-changed.v1';
export * from './participant-registered.v1';

/** Every published contract; consumers look schemas up here by `type@version`. */
export const EVENT_CONTRACTS: readonly EventContract[] = [participantRegisteredV1, journeyPhaseChangedV1];

const byKey = new Map(EVENT_CONTRACTS.map((c) => [contractKey(c.type, c.version), c]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byKey.get(contractKey(type, version));
}
