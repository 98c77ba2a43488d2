import { randomUUID } from 'node:crypto';

/**
 * Contract-valid data for each event the bridge forwards, about `participantId` (tests only).
 * Dates are recent so a workflow applying them sees ordinary casework.
 */
export function sampleEventData(type: string, participantId: string): never {
  const today = new Date().toISOString().slice(0, 10);
  const id = () => randomUUID();
  const samples: Record<string, object> = {
    'intake.participant.enrolled': { participantId, enrollmentId: id(), program: 'WIOA_ADULT', enrolledOn: today, determinationId: id() },
    'intake.participant.exited_program': { participantId, enrollmentId: id(), program: 'SNAP_ET', exitedOn: today, reason: 'moved' },
    'intake.assessment.completed': {
      participantId,
      assessmentId: id(),
      kind: 'job-readiness',
      number: 1,
      schemaVersion: 1,
      completedAt: new Date().toISOString(),
      reassessmentDueOn: today,
      summary: {},
    },
    'planning.plan.activated': {
      participantId,
      planId: id(),
      planVersion: 1,
      acknowledgedAt: new Date().toISOString(),
      acknowledgement: 'signature',
      activatedBy: 'case.manager',
    },
    'planning.service.recorded': {
      participantId,
      serviceId: id(),
      program: 'WIOA_ADULT',
      category: 'career_service',
      service: 'Résumé workshop',
      status: 'delivered',
      startOn: today,
      recordedBy: 'case.manager',
    },
    'planning.contact.recorded': { participantId, contactId: id(), contactType: 'phone', contactOn: today, recordedBy: 'case.manager' },
    'training.enrollment.started': { participantId, trainingEnrollmentId: id(), program: 'WIOA_ADULT', course: 'CNA', startOn: today },
    'training.enrollment.ended': { participantId, trainingEnrollmentId: id(), endOn: today, outcome: 'completed' },
    'training.credential.earned': { participantId, credentialId: id(), name: 'Certified Nursing Assistant', credentialType: 'certificate', earnedOn: today },
    'matching.placement.recorded': { participantId, placementId: id(), employer: 'Northside Clinic', startOn: today, hourlyWage: 19.5, unsubsidized: true },
    'followup.contact.recorded': { participantId, contactId: id(), contactType: 'phone', contactOn: today, employed: true, recordedBy: 'case.manager' },
  };
  const data = samples[type];
  if (!data) throw new Error(`no sample data for ${type}`);
  return data as never;
}
