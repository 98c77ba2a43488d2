// Test helpers for integration tests against the real engines. Not for production code.
export * from './wait-for';
export * from './topic-reader';
export * from './service-process';
export * from './in-process-service';
export * from './participant-registered.builder';
export * from './participant-updated.builder';
export * from './participant-directory.suite';
