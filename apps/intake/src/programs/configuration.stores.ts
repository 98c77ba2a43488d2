import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OFFICE_MODEL, PROGRAM_MODEL, type OfficeDocument, type ProgramDocument } from './configuration.schema';
import { ConfigurationStore } from './configuration.store';

@Injectable()
export class ProgramStore extends ConfigurationStore<ProgramDocument> {
  constructor(@InjectModel(PROGRAM_MODEL) model: Model<ProgramDocument>) {
    super(model, 'program');
  }
}

@Injectable()
export class OfficeStore extends ConfigurationStore<OfficeDocument> {
  constructor(@InjectModel(OFFICE_MODEL) model: Model<OfficeDocument>) {
    super(model, 'office');
  }
}
