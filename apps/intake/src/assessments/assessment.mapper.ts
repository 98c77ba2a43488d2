import type { AssessmentHeader, AssessmentLatest, AssessmentRecord, DueAssessment } from '@waypoint/contracts';
import { isReassessmentDue } from '@waypoint/intake-domain';
import type { AssessmentDocument } from './assessment.schema';

export type HeaderFields = Pick<
  AssessmentDocument,
  '_id' | 'participantId' | 'kind' | 'number' | 'schemaVersion' | 'completedAt' | 'completedBy' | 'reassessmentDueOn' | 'previousId'
>;

/** What lists read: everything but the answers, the result and the outbox. */
export const HEADER_PROJECTION = { answers: 0, result: 0, outbox: 0 } as const;

export function toHeader(doc: HeaderFields): AssessmentHeader {
  return {
    id: doc._id,
    participantId: doc.participantId,
    kind: doc.kind,
    number: doc.number,
    schemaVersion: doc.schemaVersion,
    completedAt: new Date(doc.completedAt).toISOString(),
    completedBy: doc.completedBy,
    reassessmentDueOn: doc.reassessmentDueOn,
    previousId: doc.previousId ?? null,
  };
}

export function toLatest(doc: HeaderFields & Pick<AssessmentDocument, 'summary'>, today: string): AssessmentLatest {
  return { ...toHeader(doc), summary: doc.summary ?? {}, due: isReassessmentDue(doc.reassessmentDueOn, today) };
}

export function toRecord(doc: AssessmentDocument): AssessmentRecord {
  return { ...toHeader(doc), answers: doc.answers, result: doc.result } as unknown as AssessmentRecord;
}

export function toDue(doc: HeaderFields & Pick<AssessmentDocument, 'office'>): DueAssessment {
  return {
    participantId: doc.participantId,
    office: doc.office,
    kind: doc.kind,
    number: doc.number,
    assessmentId: doc._id,
    completedAt: new Date(doc.completedAt).toISOString(),
    reassessmentDueOn: doc.reassessmentDueOn,
  };
}
