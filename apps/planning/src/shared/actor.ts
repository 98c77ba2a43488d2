import type { AuthenticatedRequest } from '@waypoint/platform';

/** Who is acting, from the internal token the gateway minted. */
export interface Actor {
  username: string;
  roles: readonly string[];
}

export const actorOf = (req: AuthenticatedRequest): Actor => ({ username: req.user.username, roles: req.user.roles });
