module.exports = { ...require('../../jest.preset.js'), displayName: 'followup', rootDir: __dirname };
