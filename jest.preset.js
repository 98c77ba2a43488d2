// Shared Jest settings for every project: TypeScript through ts-jest (transpile only,
// type checking is `npm run typecheck`), workspace path aliases from tsconfig.base.json.
const path = require('path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|tsx)$': [
      'ts-jest',
      { tsconfig: path.join(__dirname, 'tsconfig.base.json'), diagnostics: false },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: path.join(__dirname, '/') }),
  setupFiles: [path.join(__dirname, 'tools/jest/test-env.js')],
  testMatch: ['**/?(*.)+(spec|int-spec).ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Integration tests talk to real engines: consumer groups take seconds to form.
  testTimeout: 90_000,
};
