import { JOURNEY_WORKFLOW_TYPE, journeyStateQuery, journeyWorkflowId, participantRegisteredSignal } from './messages';
import * as workflows from './workflows';

// Names on the wire: histories of running journeys hold them, clients (bridge, gateway) send
// them. Renaming one strands journeys already in flight, so it must be a deliberate change.
describe('journey workflow messages', () => {
  it('names the journey after the participant', () => {
    expect(journeyWorkflowId('p-123')).toBe('journey-p-123');
  });

  it('starts a workflow type the bundle entry exports', () => {
    expect(typeof (workflows as Record<string, unknown>)[JOURNEY_WORKFLOW_TYPE]).toBe('function');
  });

  it.each([
    ['registration signal', participantRegisteredSignal.name, 'participantRegistered'],
    ['state query', journeyStateQuery.name, 'journeyState'],
  ])('keeps the %s name stable', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
