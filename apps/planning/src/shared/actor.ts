import type { AuthenticatedRequest } from '@waypoint/platform';

/** Who is acting, from the internal token the gateway minted. */
export interface Actor {
  /** The user's id (stable; usernames may be renamed). */
  id: string;
  username: string;
  roles: readonly string[];
}

export const actorOf = (req: AuthenticatedRequest): Actor => ({ id: req.user.sub, username: req.user.username, roles: req.user.roles });
