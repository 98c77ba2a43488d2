module.exports = { ...require('../../../jest.preset.js'), displayName: 'journey-workflows', rootDir: __dirname };
