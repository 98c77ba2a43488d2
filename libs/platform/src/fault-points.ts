/**
 * Named crash points for fault tests. When `WCM_FAULT` names a point, the process kills
 * itself there with SIGKILL (no clean-up, no flush), exactly like a power cut. Inert
 * otherwise; production never sets the variable.
 */
export function faultPoint(name: string): void {
  if (process.env.WCM_FAULT === name) {
    process.stderr.write(`fault point '${name}' reached: killing process ${process.pid}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
