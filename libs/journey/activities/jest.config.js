module.exports = { ...require('../../../jest.preset.js'), displayName: 'journey-activities', rootDir: __dirname };
