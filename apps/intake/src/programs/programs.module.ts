import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { OfficesController, ProgramsController } from './configuration.controller';
import { ConfigurationModule } from './configuration.module';
import { ProgramCatalog } from './program-catalog.service';
import { ReferenceController } from './reference.controller';

/** Programs and offices as configuration, eligibility determinations and enrollments. */
@Module({
  imports: [ConfigurationModule, EligibilityModule, EnrollmentsModule],
  controllers: [ProgramsController, OfficesController, ReferenceController],
  providers: [ProgramCatalog],
  exports: [ProgramCatalog],
})
export class ProgramsModule {}
