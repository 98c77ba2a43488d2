import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideOutboxRelay } from '@waypoint/platform';
import { ConfigurationModule } from '../programs/configuration.module';
import { determinationSchema, DETERMINATION_MODEL } from './determination.schema';
import { DeterminationsRepository } from './determinations.repository';
import { EligibilityController } from './eligibility.controller';
import { DETERMINATION_OUTBOX, EligibilityService } from './eligibility.service';

@Module({
  imports: [ConfigurationModule, MongooseModule.forFeature([{ name: DETERMINATION_MODEL, schema: determinationSchema }])],
  controllers: [EligibilityController],
  providers: [
    DeterminationsRepository,
    EligibilityService,
    provideOutboxRelay({ token: DETERMINATION_OUTBOX, collection: 'eligibility_determinations' }),
  ],
  exports: [DeterminationsRepository],
})
export class EligibilityModule {}
