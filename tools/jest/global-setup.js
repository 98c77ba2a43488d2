// Before any test: make sure the real engines are up (starting them if needed) and give
// the test namespace clean databases. A missing engine fails the run with the reason;
// nothing is skipped. Unit-only runs set WCM_ENGINES=skip.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  if (process.env.WCM_ENGINES === 'skip') return;
  const root = path.resolve(__dirname, '../..');
  const script = path.join(root, 'tools/engines.sh');
  try {
    execFileSync('bash', [script, 'status'], { stdio: 'ignore' });
  } catch {
    process.stdout.write('\nengines not all up; starting them (tools/engines.sh start)\n');
    try {
      execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
    } catch {
      throw new Error('The engines could not be started: see the output above and .run/logs/. Integration tests need real Kafka, Temporal and FerretDB.');
    }
  }
  const { MongoClient } = require('mongodb');
  const ns = process.env.WCM_NAMESPACE || 'test';
  const client = new MongoClient(process.env.MONGO_URL || 'mongodb://127.0.0.1:27017', { serverSelectionTimeoutMS: 10000 });
  await client.connect();
  try {
    const { databases } = await client.db('admin').admin().listDatabases();
    for (const db of databases) {
      if (db.name.startsWith(`waypoint_${ns}_`)) await client.db(db.name).dropDatabase();
    }
  } finally {
    await client.close();
  }
};
