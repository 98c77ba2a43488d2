import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { loginRequestSchema, type LoginRequest, type LoginResponse, type StaffUserView } from '@waypoint/contracts';
import { AUTH_OPTIONS, Audiences, Public, ZodValidationPipe, type AuthOptions, type AuthenticatedRequest } from '@waypoint/platform';
import { AuditService } from '../audit/audit.service';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { jsonSchema } from '../openapi/json-schema';
import { UsersService } from '../users/users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(AUTH_OPTIONS) private readonly auth: AuthOptions,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiBody({ schema: jsonSchema(loginRequestSchema) })
  @ApiOkResponse({ description: 'A short-lived bearer token and the signed-in user' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  async login(@Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest, @Req() req: AuthenticatedRequest): Promise<LoginResponse> {
    const user = await this.users.authenticate(body.username, body.password);
    if (!user) {
      await this.audit.record({ action: 'auth.login', outcome: 'denied', actorUsername: body.username.toLowerCase(), ip: req.ip });
      throw new UnauthorizedException('Wrong username or password');
    }
    await this.audit.record({ action: 'auth.login', outcome: 'success', actorId: user.id, actorUsername: user.username, ip: req.ip });
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = this.auth.signer.sign(
      { sub: user.id, username: user.username, roles: user.roles, office: user.office },
      Audiences.staff,
      ttl,
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl, user };
  }

  @Get('me')
  @ApiBearerAuth()
  async me(@Req() req: AuthenticatedRequest): Promise<StaffUserView> {
    const user = await this.users.findById(req.user.sub);
    if (!user) throw new NotFoundException('This account no longer exists or was deactivated');
    return user;
  }
}
