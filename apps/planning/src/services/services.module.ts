import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideOutboxRelay } from '@waypoint/platform';
import { CaseFileModule } from '../case-file/case-file.module';
import { DirectoryModule } from '../directory/directory.module';
import { SERVICE_MODEL, serviceSchema } from './service.schema';
import { ServicesController } from './services.controller';
import { ServicesRepository } from './services.repository';
import { SERVICE_OUTBOX, ServicesService } from './services.service';

@Module({
  imports: [DirectoryModule, CaseFileModule, MongooseModule.forFeature([{ name: SERVICE_MODEL, schema: serviceSchema }])],
  controllers: [ServicesController],
  providers: [ServicesRepository, ServicesService, provideOutboxRelay({ token: SERVICE_OUTBOX, collection: 'services' })],
})
export class ServicesModule {}
