import { BadGatewayException, HttpException, Inject, Injectable } from '@nestjs/common';
import { Audiences, CORRELATION_HEADER, currentCorrelationId, TokenSigner, type VerifiedToken } from '@waypoint/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls a service's HTTP API on behalf of the signed-in user: a 30-second internal token
 * carries who is acting, the correlation id carries the request. The service's 4xx
 * answers pass through unchanged; anything else becomes 502.
 */
@Injectable()
export class ServiceClient {
  private readonly signer: TokenSigner;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.signer = new TokenSigner(config.INTERNAL_TOKEN_SECRET);
  }

  async request<T>(baseUrl: string, user: VerifiedToken, method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return (await this.exchange<T>(baseUrl, user, method, path, body)).body;
  }

  /** The same call, also returning the service's status and headers (for pass-through). */
  async exchange<T>(
    baseUrl: string,
    user: VerifiedToken,
    method: HttpMethod,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: T }> {
    const token = this.signer.sign(
      { sub: user.sub, username: user.username, roles: user.roles, office: user.office },
      Audiences.internal,
      30,
    );
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          [CORRELATION_HEADER]: currentCorrelationId(),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...extraHeaders,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new BadGatewayException(`Service unavailable: ${(err as Error).message}`);
    }
    const text = await res.text();
    const json = text ? safeJson(text) : undefined;
    if (res.ok) return { status: res.status, headers: res.headers, body: json as T };
    if (res.status >= 400 && res.status < 500) throw new HttpException(json ?? { statusCode: res.status, message: text }, res.status);
    throw new BadGatewayException(`Service answered ${res.status}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
