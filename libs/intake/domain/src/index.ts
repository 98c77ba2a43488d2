export * from './participant';
export * from './assessment/assessment-error';
export * from './assessment/riasec';
export * from './assessment/job-readiness';
export * from './duplicates/match-keys';
export * from './duplicates/duplicate-score';
export * from './duplicates/string-similarity';
