import * as os from 'node:os';
import type { Summary } from './load-runner';

/** One operation measured through our layers and, where it has one, directly with the driver. */
export interface Comparison {
  operation: string;
  service: Summary;
  /** What the service does at the database for the same request, done with the raw driver. */
  driver?: Summary;
  driverLabel?: string;
  serviceLabel?: string;
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '-');
const rate = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 1 ? 3 : v < 100 ? 1 : 0) : '-');
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}x` : '-');

/**
 * The results table: for each operation a row through the service, a row with the raw
 * driver, and the ratio service/driver (latency ratio above 1 = our layers cost that many
 * times the database work; throughput ratio below 1 = we do that fraction of the driver's
 * operations per second).
 */
export function formatTable(rows: Comparison[]): string {
  const head = ['operation', 'path', 'count', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms'];
  const lines: string[][] = [head];
  for (const r of rows) {
    const s = r.service;
    lines.push([r.operation, r.serviceLabel ?? 'service (HTTP)', String(s.count), rate(s.opsPerSecond), ms(s.p50), ms(s.p95), ms(s.p99)]);
    if (r.driver) {
      const d = r.driver;
      lines.push(['', r.driverLabel ?? 'driver', String(d.count), rate(d.opsPerSecond), ms(d.p50), ms(d.p95), ms(d.p99)]);
      lines.push([
        '',
        'ratio service/driver',
        '',
        ratio(s.opsPerSecond, d.opsPerSecond),
        ratio(s.p50, d.p50),
        ratio(s.p95, d.p95),
        ratio(s.p99, d.p99),
      ]);
    }
  }
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const fmt = (l: string[]) => l.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [fmt(lines[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(fmt)].join('\n');
}

export function machineInfo(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export function seconds(msValue: number): string {
  return `${(msValue / 1000).toFixed(1)} s`;
}
