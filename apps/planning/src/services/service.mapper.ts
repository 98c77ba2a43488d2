import { countsTowardExit, type ServiceView } from '@waypoint/contracts';
import type { ServiceDocument } from './service.schema';

export function toServiceView(doc: Omit<ServiceDocument, 'outbox' | 'outboxPending' | 'outboxSeq'>): ServiceView {
  return {
    id: doc._id,
    participantId: doc.participantId,
    program: doc.program,
    category: doc.category,
    countsTowardExit: countsTowardExit(doc.category),
    service: doc.service,
    status: doc.status,
    startOn: doc.startOn,
    ...(doc.endOn ? { endOn: doc.endOn } : {}),
    ...(doc.note ? { note: doc.note } : {}),
    recordedBy: doc.recordedBy,
    recordedAt: new Date(doc.recordedAt).toISOString(),
    version: doc.version,
    history: doc.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
  };
}
