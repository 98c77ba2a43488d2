// A second bundle entry, for tests only: today's workflow plus version 1 registered under a
// type of its own, so a test can start a version-1 journey and watch it move to version 2.
// The journey worker bundles ./workflows.ts, never this file.
export { participantJourney } from './participant-journey.workflow';
export { participantJourneyV1 } from './legacy/journey-v1';
