module.exports = { ...require('../../../jest.preset.js'), displayName: 'journey-domain', rootDir: __dirname };
