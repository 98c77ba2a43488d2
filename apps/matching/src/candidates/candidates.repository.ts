import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ParticipantRegisteredV1, ParticipantUpdatedV1, ProgramCode } from '@waypoint/contracts';
import {
  applyParticipantRegistration,
  applyParticipantUpdate,
  REGISTERED_ONLY,
  type ParticipantDirectoryField,
} from '@waypoint/platform';
import { CANDIDATE_MODEL, type CandidateDocument } from './candidate.schema';

/** A candidate profile, as the API returns it. */
export interface CandidateView {
  participantId: string;
  firstName: string;
  lastName: string;
  office: string;
  programsOfInterest: ProgramCode[];
}

/** What a profile shows of a person, kept current from intake's corrections. */
const KEPT_FIELDS: readonly ParticipantDirectoryField[] = ['firstName', 'lastName', 'office', 'programsOfInterest'];

@Injectable()
export class CandidatesRepository {
  constructor(@InjectModel(CANDIDATE_MODEL) private readonly model: Model<CandidateDocument>) {}

  /**
   * Seeds a profile from a registration. A redelivered registration changes nothing; one
   * arriving after an update completes the profile without overwriting the newer fields.
   */
  async seedFromRegistration(p: ParticipantRegisteredV1): Promise<void> {
    const profile = { firstName: p.firstName, lastName: p.lastName, office: p.office, programsOfInterest: p.programsOfInterest };
    await applyParticipantRegistration(this.model, p.participantId, profile);
  }

  /** Applies a correction of names, office or programs, unless the profile already reflects it or a newer one. */
  async applyUpdate(update: ParticipantUpdatedV1): Promise<void> {
    await applyParticipantUpdate(this.model, update, KEPT_FIELDS);
  }

  async find(participantId: string): Promise<CandidateView | null> {
    const doc = await this.model.findOne({ _id: participantId, ...REGISTERED_ONLY }).lean<CandidateDocument>().exec();
    if (!doc) return null;
    const { _id, firstName, lastName, office, programsOfInterest } = doc;
    return { participantId: _id, firstName, lastName, office, programsOfInterest };
  }
}
