import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/**
 * Whether a participant exists, read straight from the `participants` collection of this
 * service's database (the participants module owns that collection; this reads only
 * `_id` and `office` and never writes).
 */
@Injectable()
export class ParticipantLookup {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** The participant's office; 404 when there is no such participant. */
  async require(participantId: string): Promise<{ office?: string }> {
    const doc = await this.connection
      .collection<{ _id: string; office?: string }>('participants')
      .findOne({ _id: participantId }, { projection: { office: 1 } });
    if (!doc) throw new NotFoundException(`No participant with id ${participantId}`);
    return typeof doc.office === 'string' ? { office: doc.office } : {};
  }
}
