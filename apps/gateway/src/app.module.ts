import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { Audiences, PlatformModule, type JsonLogger } from '@waypoint/platform';
import { AuditResourceInterceptor } from './audit/audit.interceptor';
import { AuditMiddleware } from './audit/audit.middleware';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { ASSESSMENTS_CONTROLLERS } from './assessments/assessments.controllers';
import { CASEWORK_CONTROLLERS } from './casework/casework.controllers';
import { JourneyClient } from './journey/journey-client';
import { JOURNEY_CONTROLLERS } from './journey/journey.controllers';
import { PARTICIPANTS_CONTROLLERS } from './participants/participants.controllers';
import { PROGRAMS_CONTROLLERS } from './programs/programs.controllers';
import { ServiceClient } from './participants/service-client';
import { ReferenceController } from './reference/reference.controller';
import { staffUserSchema, STAFF_USER_MODEL } from './users/staff-user.schema';
import { UsersService } from './users/users.service';

/** The gateway: sign-in, roles, audit, and the API staff-web calls. */
@Module({})
export class GatewayAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*');
  }

  static register(config: GatewayConfig, logger?: JsonLogger): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        PlatformModule.forService({
          service: 'gateway',
          config,
          audience: Audiences.staff,
          tokenSecret: config.JWT_SECRET,
          logger,
        }),
        MongooseModule.forFeature([{ name: STAFF_USER_MODEL, schema: staffUserSchema }]),
      ],
      controllers: [
        AuthController,
        ...PARTICIPANTS_CONTROLLERS,
        ...PROGRAMS_CONTROLLERS,
        ...ASSESSMENTS_CONTROLLERS,
        ...JOURNEY_CONTROLLERS,
        ...CASEWORK_CONTROLLERS,
        ReferenceController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        UsersService,
        AuditService,
        ServiceClient,
        JourneyClient,
        { provide: APP_INTERCEPTOR, useClass: AuditResourceInterceptor },
      ],
      exports: [UsersService],
    };
  }
}
