import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import type { AuthenticatedRequest } from '@waypoint/platform';
import { AuditService } from './audit.service';

export const AUDIT_READ = 'waypoint:auditRead';

/**
 * Marks a read that returns sensitive fields (SSN digits, barriers, consents, personal
 * readiness...): each successful read is audited with who read what, about whom.
 * `what` names the sensitive data, e.g. 'participant.ssn' or 'assessment.personal-readiness'.
 */
export const AuditRead = (what: string) => SetMetadata(AUDIT_READ, what);

/**
 * Notes the id of what a change created or touched, for the audit entry the middleware
 * writes at the end; and records the audited reads marked with @AuditRead.
 */
@Injectable()
export class AuditResourceInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const sensitive = this.reflector.get<string | undefined>(AUDIT_READ, context.getHandler());
    return next.handle().pipe(
      tap((body) => {
        const id = (body as { id?: unknown } | undefined)?.id;
        if (typeof id === 'string') res.locals.auditResource = id;
        if (sensitive && req.method === 'GET') {
          const user = (req as Partial<AuthenticatedRequest>).user;
          void this.audit.record({
            action: `READ ${req.baseUrl}${req.route?.path ?? req.path}`,
            outcome: 'success',
            status: res.statusCode,
            ip: req.ip,
            resource: typeof id === 'string' ? id : req.path,
            detail: { sensitive, params: req.params },
            ...(user ? { actorId: user.sub, actorUsername: user.username } : {}),
          });
        }
      }),
    );
  }
}
