import type { LoggerService } from '@nestjs/common';
import { currentContext } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured JSON logs, one line per entry, carrying the correlation id of the work in
 * progress so one request can be followed from HTTP to event to workflow.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly minLevel: Level = 'info',
    private readonly out: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  /** A child logger for one component; `fields` are added to every line. */
  child(component: string): ComponentLogger {
    return new ComponentLogger(this, component);
  }

  write(level: Level, message: unknown, rest: unknown[], fields: Record<string, unknown> = {}): void {
    if (order[level] < order[this.minLevel]) return;
    // Nest passes the context (component name) as the last string argument.
    const params = [...rest];
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const ctx = currentContext();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      ...(context ? { component: context } : {}),
      ...(ctx ? { correlationId: ctx.correlationId } : {}),
      ...fields,
    };
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    for (const p of params) {
      if (p instanceof Error) entry.err = { message: p.message, stack: p.stack };
      else if (typeof p === 'string' && level === 'error') entry.stack = p;
      else if (p !== undefined) entry.detail = p;
    }
    this.out(JSON.stringify(entry));
  }
}

export class ComponentLogger {
  constructor(
    private readonly root: JsonLogger,
    private readonly component: string,
  ) {}
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.root.write('info', msg, [this.component], fields);
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.root.write('warn', msg, [this.component], fields);
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.root.write('error', msg, [this.component], fields);
  }
  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.root.write('debug', msg, [this.component], fields);
  }
}
