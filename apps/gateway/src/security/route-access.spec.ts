import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC, ROLES } from '@waypoint/platform';
import { GatewayAppModule } from '../app.module';
import { loadGatewayConfig } from '../config';

// Every gateway route is authenticated by the global guard; this checks the second half of
// "authenticated AND authorised": each route names the roles allowed, unless it is one of the
// few listed here on purpose. A new route without @Roles fails this test.
const PUBLIC_ROUTES = ['POST /auth/login'];
const ANY_SIGNED_IN_USER = ['GET /auth/me', 'GET /reference'];

interface RouteInfo {
  route: string;
  roles?: string[];
  isPublic: boolean;
}

function routesOf(controller: Type): RouteInfo[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && typeof proto[name] === 'function')
    .map((name) => proto[name] as object)
    .filter((handler) => Reflect.getMetadata(METHOD_METADATA, handler) !== undefined)
    .map((handler) => {
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '').replace(/^\/|\/$/g, '');
      const roles = (Reflect.getMetadata(ROLES, handler) ?? Reflect.getMetadata(ROLES, controller)) as string[] | undefined;
      const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller));
      return { route: `${method} /${[base, path].filter(Boolean).join('/')}`, roles, isPublic };
    });
}

// Every controller the gateway mounts, read from its module: a new controller cannot be missed.
const controllers = (GatewayAppModule.register(loadGatewayConfig({})).controllers ?? []) as Type[];
const routes = controllers.flatMap(routesOf);

describe('gateway route access', () => {
  it('finds the routes it checks', () => {
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([...PUBLIC_ROUTES, ...ANY_SIGNED_IN_USER, 'POST /participants', 'GET /participants/:id/journey', 'GET /tasks']),
    );
  });

  it.each(routes.map((r) => [r.route, r] as const))('%s names who may call it', (route, info) => {
    if (PUBLIC_ROUTES.includes(route)) {
      expect(info.isPublic).toBe(true);
    } else if (ANY_SIGNED_IN_USER.includes(route)) {
      expect(info.isPublic).toBe(false);
    } else {
      expect(info.isPublic).toBe(false);
      expect(info.roles?.length).toBeGreaterThan(0);
    }
  });
});
