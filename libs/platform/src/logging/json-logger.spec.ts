import { JsonLogger } from './json-logger';
import { runWithContext } from './request-context';

describe('JsonLogger', () => {
  it('writes one JSON line carrying the correlation id of the work in progress', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('intake', 'info', (l) => lines.push(l));
    runWithContext({ correlationId: 'corr-123456' }, () => logger.child('outbox').info('published', { count: 2 }));
    logger.debug('hidden below the minimum level');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      service: 'intake',
      component: 'outbox',
      correlationId: 'corr-123456',
      msg: 'published',
      count: 2,
    });
  });

  it('keeps the stack of an error', () => {
    const lines: string[] = [];
    new JsonLogger('gateway', 'info', (l) => lines.push(l)).error(new Error('boom'), 'Bootstrap');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'boom', component: 'Bootstrap' });
    expect(JSON.parse(lines[0]).stack).toContain('Error: boom');
  });
});
