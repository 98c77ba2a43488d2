import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  defaultJourneyRulesFor,
  participantEnrolledV1,
  participantExitedProgramV1,
  type EnrollmentView,
  type EnrollRequest,
  type ExitEnrollmentRequest,
  type ExitReason,
} from '@waypoint/contracts';
import { enrollmentRefusals, exitRefusals, freezeSnapshot } from '@waypoint/intake-domain';
import { createEvent, unprocessable, type OutboxRelay } from '@waypoint/platform';
import { DeterminationsRepository } from '../eligibility/determinations.repository';
import type { DeterminationDocument } from '../eligibility/determination.schema';
import { ProgramStore } from '../programs/configuration.stores';
import { ParticipantLookup } from '../programs/participant-lookup';
import { toEnrollmentView } from './enrollment.mapper';
import { openKeyOf, type EnrollmentDocument } from './enrollment.schema';
import { alreadyOpen, EnrollmentsRepository } from './enrollments.repository';

export const ENROLLMENT_OUTBOX = Symbol('ENROLLMENT_OUTBOX');

interface Actor {
  username: string;
  /** Whether the caller may see eligibility answers and reasons (IntakeAccess.readEligibility). */
  seesEligibility: boolean;
}

/** Enrollment in programs: only from an eligible, unexpired determination; several programs at once. */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly repo: EnrollmentsRepository,
    private readonly determinations: DeterminationsRepository,
    private readonly programs: ProgramStore,
    private readonly participants: ParticipantLookup,
    @Inject(ENROLLMENT_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  async enroll(participantId: string, input: EnrollRequest, actor: Actor): Promise<EnrollmentView> {
    const { office } = await this.participants.require(participantId);
    const [program] = await this.programs.byCodes([input.program]);
    if (!program) throw unprocessable([{ field: 'program', message: `Unknown program: ${input.program}` }]);
    if (!program.active) throw unprocessable([{ field: 'program', message: `Program ${input.program} is no longer active` }]);
    const openKey = openKeyOf(participantId, program._id);
    if (await this.repo.findOpen(openKey)) throw alreadyOpen(program._id);

    const determination = await this.determinationFor(participantId, program._id, input.determinationId);
    const result = determination?.results.find((r) => r.program === program._id);
    const now = new Date();
    const enrolledOn = input.enrolledOn ?? now.toISOString().slice(0, 10);
    const determinedAt = determination ? new Date(determination.determinedAt) : now;
    const refusals = enrollmentRefusals(
      program._id,
      result && { status: result.status, determinedAt: determinedAt.toISOString(), expiresAt: new Date(result.expiresAt).toISOString() },
      enrolledOn,
      now,
    );
    if (refusals.length || !determination || !result) throw unprocessable(refusals, `Cannot enroll in ${program._id}`);

    const snapshot = freezeSnapshot({
      program: { code: result.program, name: result.label },
      status: result.status,
      reasons: result.reasons,
      determinedAt,
      expiresAt: new Date(result.expiresAt),
      answers: determination.answers,
    });
    const id = randomUUID();
    const doc: Omit<EnrollmentDocument, 'outbox' | 'outboxPending' | 'outboxSeq'> = {
      _id: id,
      participantId,
      program: program._id,
      label: program.label,
      ...(office ? { office } : {}),
      status: 'open',
      openKey,
      enrolledOn,
      enrolledBy: actor.username,
      recordedAt: now,
      determinationId: determination._id,
      eligibility: snapshot,
    };
    const event = createEvent(participantEnrolledV1, participantId, {
      participantId,
      enrollmentId: id,
      program: program._id,
      enrolledOn,
      determinationId: determination._id,
      ...(office ? { office } : {}),
      journeyRules: program.journeyRules ?? defaultJourneyRulesFor(program._id),
    });
    const stored = await this.repo.insertWithEvents(doc, [{ topic: participantEnrolledV1.topic, envelope: event }]);
    this.relay.kick(stored._id);
    return toEnrollmentView(stored, actor.seesEligibility);
  }

  async exit(participantId: string, enrollmentId: string, input: ExitEnrollmentRequest, actor: Actor): Promise<EnrollmentView> {
    await this.participants.require(participantId);
    const enrollment = await this.repo.findOne(participantId, enrollmentId);
    if (!enrollment) throw new NotFoundException(`No enrollment ${enrollmentId} for this participant`);
    const refusals = exitRefusals(enrollment, input.exitedOn, new Date());
    if (refusals.length) throw unprocessable(refusals, 'Cannot exit this enrollment');
    const exited = await this.recordExit(enrollment, { exitedOn: input.exitedOn, reason: input.reason, note: input.note, by: actor.username });
    if (!exited) {
      throw unprocessable([{ field: '(body)', message: 'This enrollment has already been exited.' }], 'Cannot exit this enrollment');
    }
    return toEnrollmentView(exited, actor.seesEligibility);
  }

  /**
   * Common exit, confirmed in the participant's journey: every enrollment still open exits
   * on the journey's exit date (or on its own start, when it began after that date), with
   * the confirmed reason. Repeating it changes nothing.
   */
  async commonExit(participantId: string, exit: { exitOn: string; reason: ExitReason; note?: string; by: string }): Promise<number> {
    const open = (await this.repo.list(participantId)).filter((e) => e.status === 'open');
    let exited = 0;
    for (const enrollment of open) {
      const exitedOn = exit.exitOn < enrollment.enrolledOn ? enrollment.enrolledOn : exit.exitOn;
      if (await this.recordExit(enrollment, { exitedOn, reason: exit.reason, note: exit.note, by: exit.by })) exited += 1;
    }
    return exited;
  }

  /** Closes one open enrollment with its exited_program event (outbox); null if it was already closed. */
  private async recordExit(
    enrollment: EnrollmentDocument,
    input: { exitedOn: string; reason: ExitReason; note?: string; by: string },
  ): Promise<EnrollmentDocument | null> {
    const exit = {
      exitedOn: input.exitedOn,
      reason: input.reason,
      ...(input.note ? { note: input.note } : {}),
      exitedBy: input.by,
      recordedAt: new Date(),
    };
    const event = createEvent(participantExitedProgramV1, enrollment.participantId, {
      participantId: enrollment.participantId,
      enrollmentId: enrollment._id,
      program: enrollment.program,
      exitedOn: input.exitedOn,
      reason: input.reason,
    });
    if (!(await this.repo.exitWithEvents(enrollment._id, exit, [{ topic: participantExitedProgramV1.topic, envelope: event }]))) return null;
    this.relay.kick(enrollment._id);
    return { ...enrollment, status: 'exited', exit };
  }

  async list(participantId: string, actor: Actor): Promise<EnrollmentView[]> {
    await this.participants.require(participantId);
    return (await this.repo.list(participantId)).map((d) => toEnrollmentView(d, actor.seesEligibility));
  }

  /** The given determination (422 if it is not this participant's), or the latest that covers the program. */
  private async determinationFor(participantId: string, program: string, determinationId?: string): Promise<DeterminationDocument | null> {
    if (determinationId) {
      const given = await this.determinations.findOne(participantId, determinationId);
      if (!given) throw unprocessable([{ field: 'determinationId', message: `No eligibility determination ${determinationId} for this participant` }]);
      return given;
    }
    const recent = await this.determinations.history(participantId, 20);
    return recent.find((d) => d.results.some((r) => r.program === program)) ?? null;
  }
}
