import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { currentContext } from '../logging/request-context';
import { TokenError, TokenSigner, type Audience, type VerifiedToken } from './token';

export const IS_PUBLIC = 'waypoint:isPublic';
export const ROLES = 'waypoint:roles';

/** Marks a route that needs no token (sign-in, health). Everything else is authenticated. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Roles allowed on a route; any one suffices. A route without @Roles needs only a valid token. */
export const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export interface AuthOptions {
  signer: TokenSigner;
  audience: Audience;
}

export interface AuthenticatedRequest extends Request {
  user: VerifiedToken;
}

const messages: Record<string, string> = {
  expired: 'Your session has expired; sign in again',
  malformed: 'Invalid access token',
  bad_signature: 'Invalid access token',
  wrong_audience: 'Invalid access token',
};

/**
 * Global guard: authenticates the bearer token for the configured audience (401), then
 * checks @Roles (403). Registered as APP_GUARD so no route can forget it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const auth = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new UnauthorizedException('Sign in first: this endpoint needs a bearer token');
    try {
      req.user = this.options.signer.verify(match[1], this.options.audience);
    } catch (err) {
      if (err instanceof TokenError) throw new UnauthorizedException(messages[err.code]);
      throw err;
    }
    const ctx = currentContext();
    if (ctx) ctx.actor = { type: 'staff', id: req.user.sub, roles: req.user.roles };
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, targets);
    if (roles && !roles.some((r) => req.user.roles.includes(r))) {
      throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
