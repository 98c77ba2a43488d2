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

  /** The same, passing If-Match on and the ETag back. */
  protected async forwardVersioned<T>(
    req: AuthenticatedRequest,
    res: Response,
    method: HttpMethod,
    path: string,
    body: unknown,
    ifMatch: string | undefined,
  ): Promise<T> {
    const answer = await this.services.exchange<T>(this.config.PLANNING_URL, req.user, method, path, body, ifMatch !== undefined ? { 'if-match': ifMatch } : {});
    passHeaders(answer.headers, res);
    return answer.body;
  }
}

/** `/participants/<id>/<rest>`, the id encoded. */
export const participantPath = (id: string, rest: string) => `/participants/${encodeURIComponent(id)}/${rest}`;
