import { Module } from '@nestjs/common';
import { ProgramCatalog } from './program-catalog.service';

/** Programs and offices as configuration, eligibility determinations and enrollments. */
@Module({
  providers: [ProgramCatalog],
  exports: [ProgramCatalog],
})
export class ProgramsModule {}
