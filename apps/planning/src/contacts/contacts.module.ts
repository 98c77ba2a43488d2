import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { provideOutboxRelay } from '@waypoint/platform';
import { CaseFileModule } from '../case-file/case-file.module';
import { DirectoryModule } from '../directory/directory.module';
import { CONTACT_MODEL, contactSchema } from './contact.schema';
import { ContactsController } from './contacts.controller';
import { CONTACT_OUTBOX, ContactsService } from './contacts.service';

@Module({
  imports: [DirectoryModule, CaseFileModule, MongooseModule.forFeature([{ name: CONTACT_MODEL, schema: contactSchema }])],
  controllers: [ContactsController],
  providers: [ContactsService, provideOutboxRelay({ token: CONTACT_OUTBOX, collection: 'contacts' })],
})
export class ContactsModule {}
