import type { EligibilityDeterminationView } from '@waypoint/contracts';
import type { DeterminationDocument } from './determination.schema';

export function toDeterminationView(doc: DeterminationDocument): EligibilityDeterminationView {
  return {
    id: doc._id,
    participantId: doc.participantId,
    answers: doc.answers,
    results: doc.results.map((r) => ({
      program: r.program,
      label: r.label,
      status: r.status,
      reasons: r.reasons,
      expiresAt: new Date(r.expiresAt).toISOString(),
    })),
    determinedAt: new Date(doc.determinedAt).toISOString(),
    determinedBy: doc.determinedBy,
  };
}
