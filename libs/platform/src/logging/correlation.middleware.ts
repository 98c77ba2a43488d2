import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, newCorrelationId, runWithContext } from './request-context';

const validId = /^[A-Za-z0-9._:-]{8,128}$/;

/** Takes the caller's correlation id (or makes one), echoes it, and runs the request inside it. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER);
  const correlationId = incoming && validId.test(incoming) ? incoming : newCorrelationId();
  res.setHeader(CORRELATION_HEADER, correlationId);
  runWithContext({ correlationId }, () => next());
}
