import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { contactRecordedV1, type ContactView, type RecordContactRequest } from '@waypoint/contracts';
import { createEvent, outboxForInsert, unprocessable, type OutboxFields, type OutboxRelay } from '@waypoint/platform';
import { CaseFileIndex } from '../case-file/case-file-index';
import { ParticipantDirectory } from '../directory/participant-directory';
import type { Actor } from '../shared/actor';
import { todayUtc } from '../shared/dates';
import { newestFirst } from '../shared/order';
import { recordOnce } from '../shared/idempotency';
import { CONTACT_MODEL, type ContactDocument } from './contact.schema';

export const CONTACT_OUTBOX = Symbol('CONTACT_OUTBOX');

/** How many contacts one list returns at most (newest first). */
export const CONTACT_LIST_MAX = 500;

type StoredContact = Omit<ContactDocument, keyof OutboxFields>;

/** Case-management contacts: recorded once, announced (they reset the monthly-contact clock). */
@Injectable()
export class ContactsService {
  constructor(
    @InjectModel(CONTACT_MODEL) private readonly model: Model<ContactDocument>,
    private readonly directory: ParticipantDirectory,
    private readonly caseFile: CaseFileIndex,
    @Inject(CONTACT_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  /** Records a contact (with an id from the submission's Idempotency-Key, a retry answers the first one: `replayed`). */
  async record(
    participantId: string,
    input: RecordContactRequest,
    actor: Actor,
    id?: string,
  ): Promise<{ contact: ContactView; replayed: boolean }> {
    const { record, replayed } = await recordOnce(id, participantId, (key) => this.findById(key), (newId) => this.insert(newId, participantId, input, actor));
    return { contact: toContactView(record), replayed };
  }

  private async insert(id: string, participantId: string, input: RecordContactRequest, actor: Actor): Promise<StoredContact> {
    await this.directory.require(participantId);
    if (input.contactOn > todayUtc()) {
      const refusal = { field: 'contactOn', message: `A contact cannot be recorded for a day still to come (${input.contactOn})` };
      throw unprocessable([refusal], 'Cannot record this contact');
    }
    const doc: StoredContact = { _id: id, participantId, ...input, recordedBy: actor.username, recordedAt: new Date() };
    const envelope = createEvent(contactRecordedV1, participantId, {
      participantId,
      contactId: doc._id,
      contactType: doc.contactType,
      contactOn: doc.contactOn,
      ...(doc.program ? { program: doc.program } : {}),
      recordedBy: actor.username,
    });
    // Filed in the person's case file, then the contact and its event in one document write (the outbox).
    await this.caseFile.file(participantId, 'contacts', doc._id);
    await this.model.collection.insertOne({ ...doc, ...outboxForInsert([{ topic: contactRecordedV1.topic, envelope }]) } as never);
    this.relay.kick(doc._id);
    return doc;
  }

  async list(participantId: string): Promise<ContactView[]> {
    await this.directory.require(participantId);
    const contacts = await this.caseFile.records(participantId, 'contacts', (id) => this.findById(id));
    return contacts
      .sort(newestFirst((c) => [c.contactOn, new Date(c.recordedAt).toISOString()]))
      .slice(0, CONTACT_LIST_MAX)
      .map(toContactView);
  }

  /** By `_id` alone (FerretDB 1.x reads the whole collection for any other filter). */
  private findById(id: string): Promise<StoredContact | null> {
    return this.model.findById(id, { outbox: 0, outboxQuarantine: 0 }).lean<StoredContact>().exec();
  }
}

function toContactView(doc: StoredContact): ContactView {
  return {
    id: doc._id,
    participantId: doc.participantId,
    contactType: doc.contactType,
    contactOn: doc.contactOn,
    ...(doc.program ? { program: doc.program } : {}),
    ...(doc.summary ? { summary: doc.summary } : {}),
    recordedBy: doc.recordedBy,
    recordedAt: new Date(doc.recordedAt).toISOString(),
  };
}
