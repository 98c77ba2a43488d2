import type { EnrollmentView } from '@waypoint/contracts';
import type { EnrollmentDocument } from './enrollment.schema';

/** The enrollment as a role may see it: the frozen reasons and answers only with readEligibility. */
export function toEnrollmentView(doc: EnrollmentDocument, withEligibilityDetail: boolean): EnrollmentView {
  const e = doc.eligibility;
  return {
    id: doc._id,
    participantId: doc.participantId,
    program: doc.program,
    label: doc.label,
    ...(doc.office ? { office: doc.office } : {}),
    status: doc.status,
    enrolledOn: doc.enrolledOn,
    enrolledBy: doc.enrolledBy,
    eligibility: {
      determinationId: doc.determinationId,
      status: e.status,
      determinedAt: e.determinedAt,
      expiresAt: e.expiresAt,
      ...(withEligibilityDetail ? { reasons: [...e.reasons], answers: { ...e.answers } } : {}),
    },
    ...(doc.exit
      ? {
          exit: {
            exitedOn: doc.exit.exitedOn,
            reason: doc.exit.reason,
            ...(doc.exit.note ? { note: doc.exit.note } : {}),
            exitedBy: doc.exit.exitedBy,
            recordedAt: new Date(doc.exit.recordedAt).toISOString(),
          },
        }
      : {}),
  };
}
