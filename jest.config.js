// One Jest run over every project (each has its own jest.config.js). The global set-up
// starts the real engines if they are not running. testTimeout is a global option, so it
// is repeated here (project configs' own value applies only when run alone).
module.exports = {
  globalSetup: '<rootDir>/tools/jest/global-setup.js',
  testTimeout: 90_000,
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js', '<rootDir>/libs/*/*/jest.config.js'],
};
