import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';

/**
 * The native time-skipping test server that `tools/engines.sh install` caches (the same
 * place `engines.sh env` prints). Never downloaded by the SDK: tests run offline.
 */
export function temporalTestServerPath(env: NodeJS.ProcessEnv = process.env): string {
  const binary =
    env.TEMPORAL_TEST_SERVER_PATH ??
    path.join(env.WCM_ENGINES_HOME ?? path.join(homedir(), '.cache', 'waypoint-engines'), 'bin', 'temporal-test-server');
  if (!existsSync(binary)) {
    throw new Error(`Temporal time-skipping test server not found at ${binary}: run \`bash tools/engines.sh install temporal\``);
  }
  return binary;
}

/**
 * Keeps the SDK's logs to errors for this test file: workers otherwise log every start and
 * stop, every activity failure a test provokes on purpose, and the core's warnings about
 * capabilities the test server does not advertise. Call before anything creates a worker,
 * connection or test environment.
 */
export function installQuietTemporalRuntime(): void {
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
  });
}

/** A fresh time-skipping test server for one test file (call `teardown()` in afterAll). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}
