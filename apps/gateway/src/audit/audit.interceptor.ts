import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import type { AuthenticatedRequest } from '@waypoint/platform';
import { AuditService } from './audit.service';

const changing = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Audits every change request that reached a handler, with its outcome. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!changing.has(req.method) || !req.user) return next.handle();
    const action = `${req.method} ${req.route?.path ?? req.path}`;
    const base = { action, actorId: req.user.sub, actorUsername: req.user.username, ip: req.ip };
    return next.handle().pipe(
      tap({
        next: (body) => {
          const id = (body as { id?: unknown } | undefined)?.id;
          void this.audit.record({ ...base, outcome: 'success', ...(typeof id === 'string' ? { resource: id } : {}) });
        },
        error: (err: { status?: number; getStatus?: () => number }) => {
          const status = err.getStatus?.() ?? err.status ?? 500;
          void this.audit.record({ ...base, outcome: status < 500 ? 'denied' : 'failed', status });
        },
      }),
    );
  }
}
