import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** Notes the id of what a change created or touched, for the audit entry written at the end. */
@Injectable()
export class AuditResourceInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const id = (body as { id?: unknown } | undefined)?.id;
        if (typeof id === 'string') res.locals.auditResource = id;
      }),
    );
  }
}
