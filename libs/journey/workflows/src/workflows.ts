// Entry point of the workflow bundle: every workflow the journey worker runs.
export { participantJourney } from './participant-journey.workflow';
