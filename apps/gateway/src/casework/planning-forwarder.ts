import { Inject } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@waypoint/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { passHeaders } from '../participants/participants.controller';
import { ServiceClient, type HttpMethod } from '../participants/service-client';

/** Base of the thin controllers in front of planning's casework: forwards the call as the signed-in user. */
export abstract class PlanningForwarder {
  constructor(
    protected readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) protected readonly config: GatewayConfig,
  ) {}

  protected forward<T>(req: AuthenticatedRequest, method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return this.services.request<T>(this.config.PLANNING_URL, req.user, method, path, body);
  }

  /**
   * The same, passing If-Match and Idempotency-Key on (when given) and back the ETag and
   * Idempotent-Replayed (a retried submission answers 200 with the first result).
   */
  protected async forwardWithHeaders<T>(
    req: AuthenticatedRequest,
    res: Response,
    method: HttpMethod,
    path: string,
    body: unknown,
    headers: { 'if-match'?: string; 'idempotency-key'?: string },
  ): Promise<T> {
    const given = Object.fromEntries(Object.entries(headers).filter((h): h is [string, string] => h[1] !== undefined));
    const answer = await this.services.exchange<T>(this.config.PLANNING_URL, req.user, method, path, body, given);
    passHeaders(answer.headers, res);
    return answer.body;
  }
}

/** The Idempotency-Key header as OpenAPI documents it. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'One per form submission (8-128 of A-Z a-z 0-9 - _): a retry with the same key answers 200 with the first result (Idempotent-Replayed: true), never a second record',
};

/** `/participants/<id>/<rest>`, the id encoded. */
export const participantPath = (id: string, rest: string) => `/participants/${encodeURIComponent(id)}/${rest}`;
