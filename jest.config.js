// One Jest run over every project (each has its own jest.config.js).
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js', '<rootDir>/libs/*/*/jest.config.js'],
};
