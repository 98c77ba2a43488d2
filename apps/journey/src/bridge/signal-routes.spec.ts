import { CASEWORK_EVENTS, DEFAULT_JOURNEY_RULES, EMPLOYMENT_START_FOLLOW_UP_RULES, participantEnrolledV1 } from '@waypoint/contracts';
import { createEvent } from '@waypoint/platform';
import { BRIDGED_TOPICS, JOURNEY_SIGNAL_ROUTES } from './signal-routes';
import { sampleEventData } from './sample-events.fixture';

describe('journey signal routes', () => {
  it('forwards every casework event, each from a topic the bridge reads', () => {
    const routed = JOURNEY_SIGNAL_ROUTES.map((r) => r.contract.type);
    for (const contract of CASEWORK_EVENTS) expect(routed).toContain(contract.type);
    for (const route of JOURNEY_SIGNAL_ROUTES) expect(BRIDGED_TOPICS).toContain(route.contract.topic);
  });

  it.each(JOURNEY_SIGNAL_ROUTES.map((r) => [r.contract.type, r] as const))('turns %s into its signal with the event id', (type, route) => {
    const event = createEvent(route.contract, 'p-1', sampleEventData(type, 'p-1'), { correlationId: 'corr-1' });

    expect(route.toSignal(event)).toMatchObject({ eventId: event.id, correlationId: 'corr-1' });
  });

  it('gives an enrollment without journey rules its program defaults (Adult: follow-up from employment)', () => {
    const route = JOURNEY_SIGNAL_ROUTES.find((r) => r.contract === participantEnrolledV1)!;
    const adult = createEvent(participantEnrolledV1, 'p-1', sampleEventData(participantEnrolledV1.type, 'p-1'));
    const snap = createEvent(participantEnrolledV1, 'p-1', { ...adult.data, program: 'SNAP_ET' });
    const configured = createEvent(participantEnrolledV1, 'p-1', { ...adult.data, journeyRules: { ...DEFAULT_JOURNEY_RULES, planDueDays: 14 } });

    expect(route.toSignal(adult)).toMatchObject({ rules: EMPLOYMENT_START_FOLLOW_UP_RULES });
    expect(route.toSignal(snap)).toMatchObject({ rules: DEFAULT_JOURNEY_RULES });
    expect(route.toSignal(configured)).toMatchObject({ rules: { planDueDays: 14, followUpFrom: 'exit' } });
  });
});
