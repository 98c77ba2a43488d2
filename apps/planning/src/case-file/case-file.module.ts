import { Module } from '@nestjs/common';
import { CaseFileIndex } from './case-file-index';

@Module({ providers: [CaseFileIndex], exports: [CaseFileIndex] })
export class CaseFileModule {}
