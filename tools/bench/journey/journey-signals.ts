import {
  assessmentCompletedSignal,
  enrolledSignal,
  planSignedSignal,
  serviceRecordedSignal,
  type ParticipantRegisteredSignal,
} from '@waypoint/journey-workflows';
import { defaultJourneyRulesFor } from '@waypoint/contracts';
import type { SignalDefinition, WorkflowHandle } from '@temporalio/client';

/** One bench participant: ids carry the run tag, so nothing collides with another run. */
export interface BenchParticipant {
  participantId: string;
  correlationId: string;
}

export const benchParticipant = (runTag: string, label: string): BenchParticipant => ({
  participantId: `bench-${runTag}-${label}`,
  correlationId: `bench-${runTag}-${label}`,
});

/** The signal the bridge sends with signal-with-start when intake registers someone. */
export function registeredSignal(p: BenchParticipant): ParticipantRegisteredSignal {
  return {
    eventId: `${p.participantId}:registered`,
    correlationId: p.correlationId,
    office: 'riverside-ajc',
    programsOfInterest: ['WIOA_ADULT'],
    registeredAt: new Date().toISOString(),
  };
}

/** A signal after registration, as the bridge would forward it from a domain event. */
export interface JourneyStep {
  /** The domain event behind it (what the report calls the step). */
  event: string;
  signalName: string;
  send(handle: WorkflowHandle, p: BenchParticipant, eventId: string): Promise<void>;
}

/** A step whose payload is type-checked against its signal's definition. */
function step<T>(event: string, signal: SignalDefinition<[T]>, payload: (p: BenchParticipant, eventId: string) => T): JourneyStep {
  return { event, signalName: signal.name, send: (handle, p, eventId) => handle.signal(signal, payload(p, eventId)) };
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The steps a journey is signalled through after registration, in the order a participant
 * meets them: assessed, enrolled in a program, plan signed, a job-search service. Which of
 * them change the phase is whatever the deployed workflow does (a phase only moves forward:
 * intake, assessment, planning, services, placement): the bench asks one probe journey first
 * and waits for phase changes only after the steps that changed it there.
 */
export const JOURNEY_STEPS: JourneyStep[] = [
  step('intake.assessment.completed', assessmentCompletedSignal, (p, eventId) => ({
    eventId,
    correlationId: p.correlationId,
    assessmentId: `${p.participantId}-asm`,
    kind: 'job-readiness',
    completedAt: new Date().toISOString(),
    reassessmentDueOn: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
  })),
  step('intake.participant.enrolled', enrolledSignal, (p, eventId) => ({
    eventId,
    correlationId: p.correlationId,
    enrollmentId: `${p.participantId}-enr`,
    program: 'WIOA_ADULT',
    enrolledOn: today(),
    rules: defaultJourneyRulesFor('WIOA_ADULT'),
  })),
  step('planning.plan.activated', planSignedSignal, (p, eventId) => ({
    eventId,
    correlationId: p.correlationId,
    planId: `${p.participantId}-plan`,
    planVersion: 1,
    signedAt: new Date().toISOString(),
  })),
  step('planning.service.recorded', serviceRecordedSignal, (p, eventId) => ({
    eventId,
    correlationId: p.correlationId,
    serviceId: `${p.participantId}-svc`,
    program: 'WIOA_ADULT',
    category: 'job_search_assistance',
    service: 'Job search workshop',
    status: 'delivered',
    startOn: today(),
  })),
];
