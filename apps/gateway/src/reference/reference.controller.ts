import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DEMO_OFFICES, DEMO_PROGRAMS } from './offices';

/** Lists the UI needs for its forms. Any signed-in user may read them. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  @Get()
  get(): { offices: { code: string; name: string }[]; programs: { code: string; label: string }[] } {
    return { offices: DEMO_OFFICES, programs: DEMO_PROGRAMS };
  }
}
