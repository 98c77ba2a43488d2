module.exports = { ...require('../../jest.preset.js'), displayName: 'planning', rootDir: __dirname };
