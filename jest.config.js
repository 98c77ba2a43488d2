// One Jest run over every project (each has its own jest.config.js). The global set-up
// starts the real engines if they are not running.
module.exports = {
  globalSetup: '<rootDir>/tools/jest/global-setup.js',
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js', '<rootDir>/libs/*/*/jest.config.js'],
};
