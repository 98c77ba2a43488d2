import { Inject } from '@nestjs/common';
import type { AuthenticatedRequest } from '@waypoint/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ServiceClient, type HttpMethod } from './service-client';

/** Base of the thin controllers in front of intake: forwards the call as the signed-in user. */
export abstract class IntakeForwarder {
  constructor(
    protected readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) protected readonly config: GatewayConfig,
  ) {}

  protected forward<T>(req: AuthenticatedRequest, method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return this.services.request<T>(this.config.INTAKE_URL, req.user, method, path, body);
  }
}
