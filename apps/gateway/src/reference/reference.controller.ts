import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ReferenceData } from '@waypoint/contracts';
import type { AuthenticatedRequest } from '@waypoint/platform';
import { IntakeForwarder } from '../participants/intake-forwarder';

/** Lists the UI needs for its forms, from intake's configuration. Any signed-in user may read them. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController extends IntakeForwarder {
  @Get()
  @ApiOkResponse({ description: 'Active offices {code, name} and active programs {code, label}, as configured by administrators' })
  get(@Req() req: AuthenticatedRequest): Promise<ReferenceData> {
    return this.forward(req, 'GET', '/reference');
  }
}
