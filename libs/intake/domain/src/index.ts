export * from './participant';
