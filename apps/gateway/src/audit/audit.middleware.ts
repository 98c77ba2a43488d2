import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { currentCorrelationId, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditService } from './audit.service';

const changing = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Audits every change request when its response is sent, whatever the outcome: made
 * (2xx), refused (401/403/400/404...) or failed (5xx), with who, from where, and on what.
 * Sign-in is audited by the auth controller, with the username tried.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly audit: AuditService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!changing.has(req.method) || req.path.endsWith('/auth/login')) return next();
    const correlationId = currentCorrelationId();
    res.on('finish', () => {
      const user = (req as Partial<AuthenticatedRequest>).user;
      const status = res.statusCode;
      void this.audit.record({
        action: `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`,
        outcome: status < 400 ? 'success' : status < 500 ? 'denied' : 'failed',
        status,
        ip: req.ip,
        correlationId,
        ...(user ? { actorId: user.sub, actorUsername: user.username } : {}),
        ...(typeof res.locals.auditResource === 'string' ? { resource: res.locals.auditResource } : {}),
      });
    });
    next();
  }
}
