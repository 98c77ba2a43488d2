import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { CaseworkAccess } from '@waypoint/contracts';
import { ROLES } from '@waypoint/platform';
import { CASEWORK_CONTROLLERS } from './casework.controllers';

// Each casework route carries exactly the roles of its CaseworkAccess entry (the table
// planning checks again), so the gateway and the service cannot drift apart.
const EXPECTED: Record<string, readonly string[]> = {
  'POST /participants/:id/services': CaseworkAccess.recordServices,
  'PATCH /participants/:id/services/:serviceId': CaseworkAccess.recordServices,
  'GET /participants/:id/services': CaseworkAccess.readServices,
  'POST /participants/:id/contacts': CaseworkAccess.recordContacts,
  'GET /participants/:id/contacts': CaseworkAccess.readContacts,
  'GET /tasks': CaseworkAccess.readTasks,
  'POST /tasks/:taskId/complete': CaseworkAccess.completeTasks,
  'GET /participants/:id/tasks': CaseworkAccess.readTasks,
};

function routesOf(controller: Type): [string, string[] | undefined][] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
  const proto = controller.prototype as Record<string, object>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && Reflect.getMetadata(METHOD_METADATA, proto[name]) !== undefined)
    .map((name) => {
      const handler = proto[name];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '').replace(/^\/|\/$/g, '');
      return [`${method} /${[base, path].filter(Boolean).join('/')}`, Reflect.getMetadata(ROLES, handler) as string[] | undefined];
    });
}

describe('casework route access', () => {
  const routes = Object.fromEntries(CASEWORK_CONTROLLERS.flatMap(routesOf));

  it('has every casework route, and no other', () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s allows exactly its CaseworkAccess roles', (route, roles) => {
    expect(routes[route]).toEqual([...roles]);
  });

  it('keeps casework from those outside the service strategy: intake workers and administrators', () => {
    for (const roles of Object.values(CaseworkAccess)) expect(roles).not.toEqual(expect.arrayContaining(['intake_worker']));
    for (const roles of Object.values(CaseworkAccess)) expect(roles).not.toEqual(expect.arrayContaining(['admin']));
  });
});
