/**
 * An optional deployment namespace (`WCM_NAMESPACE`) isolates one stack from another on
 * the same engines: it prefixes database names, Kafka topics, consumer groups and Temporal
 * task queues. The test suite runs in namespace `test`, so it never touches demo data and
 * a running demo stack never steals its events. Empty in a normal deployment.
 */
export function deploymentNamespace(): string {
  const ns = process.env.WCM_NAMESPACE ?? '';
  if (ns && !/^[a-z][a-z0-9]{0,15}$/.test(ns)) throw new Error(`WCM_NAMESPACE must be 1-16 lower-case letters/digits, got '${ns}'`);
  return ns;
}

/** A Kafka topic, consumer group or task queue name inside the deployment namespace. */
export function namespaced(name: string): string {
  const ns = deploymentNamespace();
  return ns ? `${ns}.${name}` : name;
}

/** The database a service owns: `waypoint_<service>` (or `waypoint_<ns>_<service>`). */
export function databaseName(service: string): string {
  const ns = deploymentNamespace();
  return ns ? `waypoint_${ns}_${service}` : `waypoint_${service}`;
}
