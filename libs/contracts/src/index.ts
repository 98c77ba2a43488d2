export * from './envelope';
export * from './topics';
export * from './participant';
export * from './events';
export * from './api/auth';
export * from './api/participants';
