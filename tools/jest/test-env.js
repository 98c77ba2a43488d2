// Runs in every Jest worker before tests: integration tests live in their own namespace
// (databases, topics, consumer groups, task queues prefixed with `test`), away from demo data.
process.env.WCM_NAMESPACE = process.env.WCM_NAMESPACE || 'test';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
