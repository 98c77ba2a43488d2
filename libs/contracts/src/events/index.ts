import { contractKey, EventContract } from '../envelope';
import { CASEWORK_EVENTS } from './casework-events';
import { JOURNEY_EVENTS } from './journey-events';
import { participantRegisteredV1 } from './participant-registered.v1';
import { PEOPLE_EVENTS } from './people-events';
import { PROGRAM_EVENTS } from './program-events';
import { ASSESSMENT_EVENTS } from './assessment-events';

export * from './journey-events';
export * from './casework-events';
export * from './participant-registered.v1';
export * from './people-events';
export * from './program-events';
export * from './assessment-events';

/** Every published contract; consumers look schemas up here by `type@version`. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  participantRegisteredV1,
  ...JOURNEY_EVENTS,
  ...PEOPLE_EVENTS,
  ...PROGRAM_EVENTS,
  ...ASSESSMENT_EVENTS,
  ...CASEWORK_EVENTS,
];

const byKey = new Map(EVENT_CONTRACTS.map((c) => [contractKey(c.type, c.version), c]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byKey.get(contractKey(type, version));
}
