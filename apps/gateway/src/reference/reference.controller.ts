import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PROGRAM_CODES, PROGRAM_LABELS } from '@waypoint/contracts';
import { DEMO_OFFICES } from './offices';

/** Lists the UI needs for its forms. Any signed-in user may read them. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  @Get()
  get(): { offices: { code: string; name: string }[]; programs: { code: string; label: string }[] } {
    return { offices: DEMO_OFFICES, programs: PROGRAM_CODES.map((code) => ({ code, label: PROGRAM_LABELS[code] })) };
  }
}
