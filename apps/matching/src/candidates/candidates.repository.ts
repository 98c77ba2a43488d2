import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ParticipantRegisteredV1, ProgramCode } from '@waypoint/contracts';
import { CANDIDATE_MODEL, type CandidateDocument } from './candidate.schema';

/** A candidate profile, as the API returns it. */
export interface CandidateView {
  participantId: string;
  firstName: string;
  lastName: string;
  office: string;
  programsOfInterest: ProgramCode[];
}

@Injectable()
export class CandidatesRepository {
  constructor(@InjectModel(CANDIDATE_MODEL) private readonly model: Model<CandidateDocument>) {}

  /** Seeds a profile from a registration; inserts only, so a redelivered registration changes nothing. */
  async seedFromRegistration(p: ParticipantRegisteredV1): Promise<void> {
    const profile = { firstName: p.firstName, lastName: p.lastName, office: p.office, programsOfInterest: p.programsOfInterest };
    await this.model.updateOne({ _id: p.participantId }, { $setOnInsert: profile }, { upsert: true }).exec();
  }

  async find(participantId: string): Promise<CandidateView | null> {
    const doc = await this.model.findById(participantId).lean<CandidateDocument>().exec();
    if (!doc) return null;
    const { _id, ...profile } = doc;
    return { participantId: _id, ...profile };
  }
}
