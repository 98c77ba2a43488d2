module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'staff-web',
  testEnvironment: 'jsdom',
  rootDir: __dirname,
};
