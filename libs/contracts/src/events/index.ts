import { contractKey, EventContract } from '../envelope';
import { journeyPhaseChangedV1 } from './journey-phase-changed.v1';
import { participantRegisteredV1 } from './participant-registered.v1';
import { PEOPLE_EVENTS } from './people-events';
import { PROGRAM_EVENTS } from './program-events';
import { ASSESSMENT_EVENTS } from './assessment-events';

export * from './journey-phase-changed.v1';
export * from './participant-registered.v1';
export * from './people-events';
export * from './program-events';
export * from './assessment-events';

/** Every published contract; consumers look schemas up here by `type@version`. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  participantRegisteredV1,
  journeyPhaseChangedV1,
  ...PEOPLE_EVENTS,
  ...PROGRAM_EVENTS,
  ...ASSESSMENT_EVENTS,
];

const byKey = new Map(EVENT_CONTRACTS.map((c) => [contractKey(c.type, c.version), c]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byKey.get(contractKey(type, version));
}
