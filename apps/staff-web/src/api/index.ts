export * from './api-error';
export * from './ApiContext';
export * from './http-client';
export * from './waypoint-api';
export * from './submission-key';
