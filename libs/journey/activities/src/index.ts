export * from './journey-activities';
