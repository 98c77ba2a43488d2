import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentWriteLocks } from '@waypoint/platform';
import { OFFICE_MODEL, PROGRAM_MODEL, type OfficeDocument, type ProgramDocument } from './configuration.schema';
import { ConfigurationStore } from './configuration.store';

@Injectable()
export class ProgramStore extends ConfigurationStore<ProgramDocument> {
  constructor(@InjectModel(PROGRAM_MODEL) model: Model<ProgramDocument>, locks: DocumentWriteLocks) {
    super(model, 'program', locks);
  }
}

@Injectable()
export class OfficeStore extends ConfigurationStore<OfficeDocument> {
  constructor(@InjectModel(OFFICE_MODEL) model: Model<OfficeDocument>, locks: DocumentWriteLocks) {
    super(model, 'office', locks);
  }
}
