// Public API for clients (bridge, gateway, tests): message definitions and types.
// Workflow functions are loaded by the worker from ./workflows.ts, in its sandbox;
// clients start them by type name.
export * from './messages';
export * from './activities';
// The empty journey (what a new run starts from): for clients' tests and tools.
export { emptyJourney, PERFORMANCE_EXCLUSIONS } from './journey-machine';
