import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseworkAccess, recordContactSchema, type ContactView, type RecordContactRequest } from '@waypoint/contracts';
import { Roles, ZodValidationPipe, type AuthenticatedRequest } from '@waypoint/platform';
import { actorOf } from '../shared/actor';
import { idFromIdempotencyKey } from '../shared/idempotency';
import { ContactsService } from './contacts.service';

/** A participant's case-management contacts. Roles per CaseworkAccess. */
@Controller('participants/:id/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  @HttpCode(201)
  @Roles(...CaseworkAccess.recordContacts)
  async record(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(recordContactSchema)) body: RecordContactRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ContactView> {
    const actor = actorOf(req);
    const { contact, replayed } = await this.contacts.record(id, body, actor, idFromIdempotencyKey(idempotencyKey, actor.id, 'contact'));
    if (replayed) res.status(200).setHeader('Idempotent-Replayed', 'true');
    return contact;
  }

  @Get()
  @Roles(...CaseworkAccess.readContacts)
  list(@Param('id') id: string): Promise<ContactView[]> {
    return this.contacts.list(id);
  }
}
