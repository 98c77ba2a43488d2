import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** OpenAPI document of the gateway, served at /api/docs (UI) and /api/docs-json. */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Waypoint gateway API')
    .setDescription(
      'The API behind staff-web. Every route except sign-in and health needs a bearer token from POST /api/auth/login; ' +
        'roles are checked per route (403). Invalid input gets 400 with a message per field.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
}
