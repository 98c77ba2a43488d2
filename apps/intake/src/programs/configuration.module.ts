import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OFFICE_MODEL, officeSchema, PROGRAM_MODEL, programSchema } from './configuration.schema';
import { ConfigurationSeeder } from './configuration.seeder';
import { OfficeStore, ProgramStore } from './configuration.stores';
import { ParticipantLookup } from './participant-lookup';

/** The stored configuration (programs, offices), seeded at start; shared by eligibility and enrollments. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PROGRAM_MODEL, schema: programSchema },
      { name: OFFICE_MODEL, schema: officeSchema },
    ]),
  ],
  providers: [ProgramStore, OfficeStore, ConfigurationSeeder, ParticipantLookup],
  exports: [ProgramStore, OfficeStore, ParticipantLookup],
})
export class ConfigurationModule {}
