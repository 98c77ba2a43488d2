import type { SignalDefinition } from '@temporalio/workflow';
import {
  assessmentCompletedV1,
  contactRecordedV1,
  credentialEarnedV1,
  defaultJourneyRulesFor,
  followUpContactRecordedV1,
  participantEnrolledV1,
  participantExitedProgramV1,
  placementRecordedV1,
  planActivatedV1,
  serviceRecordedV1,
  Topics,
  trainingCompletedV1,
  trainingEnrolledV1,
  type EventContract,
  type EventEnvelope,
} from '@waypoint/contracts';
import {
  assessmentCompletedSignal,
  contactRecordedSignal,
  credentialEarnedSignal,
  enrolledSignal,
  placedSignal,
  planSignedSignal,
  programExitedSignal,
  serviceRecordedSignal,
  trainingCompletedSignal,
  trainingEnrolledSignal,
} from '@waypoint/journey-workflows';

/** The topics whose events move a journey (the registration among intake's). */
export const BRIDGED_TOPICS = [Topics.intake, Topics.planning, Topics.training, Topics.matching, Topics.followup] as const;

/** One domain event the bridge forwards, and how its envelope becomes the signal's argument. */
export interface SignalRoute<TData, TSignal> {
  contract: EventContract<string, TData>;
  signal: SignalDefinition<[TSignal]>;
  toSignal(event: EventEnvelope<TData>): TSignal;
}

const route = <TData, TSignal>(r: SignalRoute<TData, TSignal>): SignalRoute<unknown, unknown> => r as unknown as SignalRoute<unknown, unknown>;

/** Every signal carries the event's id (the workflow's dedupe key) and its correlation id. */
const from = (event: EventEnvelope<unknown>) => ({ eventId: event.id, correlationId: event.correlationId });

/**
 * Domain event → journey signal, for every event but the registration (which starts the
 * journey). The mapping is data, so the bridge and its test read the same table.
 */
export const JOURNEY_SIGNAL_ROUTES: readonly SignalRoute<unknown, unknown>[] = [
  route({
    contract: participantEnrolledV1,
    signal: enrolledSignal,
    toSignal: (e) => ({
      ...from(e),
      enrollmentId: e.data.enrollmentId,
      program: e.data.program,
      enrolledOn: e.data.enrolledOn,
      // Enrollments recorded before programs carried journey rules get the program's defaults.
      rules: e.data.journeyRules ?? defaultJourneyRulesFor(e.data.program),
    }),
  }),
  route({
    contract: participantExitedProgramV1,
    signal: programExitedSignal,
    toSignal: (e) => ({ ...from(e), enrollmentId: e.data.enrollmentId, program: e.data.program, exitedOn: e.data.exitedOn }),
  }),
  route({
    contract: assessmentCompletedV1,
    signal: assessmentCompletedSignal,
    toSignal: (e) => ({
      ...from(e),
      assessmentId: e.data.assessmentId,
      kind: e.data.kind,
      completedAt: e.data.completedAt,
      reassessmentDueOn: e.data.reassessmentDueOn,
    }),
  }),
  route({
    contract: planActivatedV1,
    signal: planSignedSignal,
    toSignal: (e) => ({ ...from(e), planId: e.data.planId, planVersion: e.data.planVersion, signedAt: e.data.acknowledgedAt }),
  }),
  route({
    contract: serviceRecordedV1,
    signal: serviceRecordedSignal,
    toSignal: (e) => ({
      ...from(e),
      serviceId: e.data.serviceId,
      program: e.data.program,
      category: e.data.category,
      service: e.data.service,
      status: e.data.status,
      startOn: e.data.startOn,
      ...(e.data.endOn ? { endOn: e.data.endOn } : {}),
    }),
  }),
  route({
    contract: contactRecordedV1,
    signal: contactRecordedSignal,
    toSignal: (e) => ({ ...from(e), contactId: e.data.contactId, contactType: e.data.contactType, contactOn: e.data.contactOn, followUp: false }),
  }),
  route({
    contract: followUpContactRecordedV1,
    signal: contactRecordedSignal,
    toSignal: (e) => ({ ...from(e), contactId: e.data.contactId, contactType: e.data.contactType, contactOn: e.data.contactOn, followUp: true }),
  }),
  route({
    contract: trainingEnrolledV1,
    signal: trainingEnrolledSignal,
    toSignal: (e) => ({
      ...from(e),
      trainingEnrollmentId: e.data.trainingEnrollmentId,
      program: e.data.program,
      course: e.data.course,
      startOn: e.data.startOn,
      ...(e.data.expectedEndOn ? { expectedEndOn: e.data.expectedEndOn } : {}),
    }),
  }),
  route({
    contract: trainingCompletedV1,
    signal: trainingCompletedSignal,
    toSignal: (e) => ({ ...from(e), trainingEnrollmentId: e.data.trainingEnrollmentId, endOn: e.data.endOn, outcome: e.data.outcome }),
  }),
  route({
    contract: credentialEarnedV1,
    signal: credentialEarnedSignal,
    toSignal: (e) => ({ ...from(e), credentialId: e.data.credentialId, name: e.data.name, earnedOn: e.data.earnedOn }),
  }),
  route({
    contract: placementRecordedV1,
    signal: placedSignal,
    toSignal: (e) => ({
      ...from(e),
      placementId: e.data.placementId,
      employer: e.data.employer,
      startOn: e.data.startOn,
      unsubsidized: e.data.unsubsidized,
    }),
  }),
];
