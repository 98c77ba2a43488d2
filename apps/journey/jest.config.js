const path = require('path');

// @temporalio/common and @temporalio/proto 1.24.0 each get their own nested copy of protobufjs
// 8 here (the root holds protobufjs 7 for @grpc/proto-loader), so historyToJSON/historyFromJSON
// fail their `instanceof Type` check with "type must be a Type". Until the lockfile gives the
// Temporal packages one shared copy, resolve the ProtoJSON extension from the copy whose types
// @temporalio/proto builds. Remove this mapping once `npm ls protobufjs` shows one 8.x copy.
const protobufjsOfTemporalProto = path.dirname(
  require.resolve('protobufjs/package.json', { paths: [path.dirname(require.resolve('@temporalio/proto/package.json'))] }),
);

const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'journey',
  rootDir: __dirname,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^protobufjs/ext/protojson$': path.join(protobufjsOfTemporalProto, 'ext/protojson.js'),
  },
};
