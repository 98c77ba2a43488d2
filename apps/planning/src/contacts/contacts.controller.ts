import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CaseworkAccess, recordContactSchema, type ContactView, type RecordContactRequest } from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { actorOf } from '../shared/actor';
import { ContactsService } from './contacts.service';

/** A participant's case-management contacts. Roles per CaseworkAccess. */
@Controller('participants/:id/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...CaseworkAccess.recordContacts)
  record(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(recordContactSchema)) body: RecordContactRequest,
    @Req() req: AuthenticatedRequest,
  ): Promise<ContactView> {
    return this.contacts.record(id, body, actorOf(req));
  }

  @Get()
  @Roles(...CaseworkAccess.readContacts)
  list(@Param('id') id: string): Promise<ContactView[]> {
    return this.contacts.list(id);
  }
}
