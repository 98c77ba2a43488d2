import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { eligibilityDeterminedV1, type EligibilityAnswers, type EligibilityDeterminationView } from '@waypoint/contracts';
import { determineEligibility } from '@waypoint/intake-domain';
import { createEvent, type OutboxRelay } from '@waypoint/platform';
import { toDefinition } from '../programs/configuration.mapper';
import { ProgramStore } from '../programs/configuration.stores';
import { ParticipantLookup } from '../programs/participant-lookup';
import { toDeterminationView } from './determination.mapper';
import type { DeterminationDocument } from './determination.schema';
import { DeterminationsRepository } from './determinations.repository';

export const DETERMINATION_OUTBOX = Symbol('DETERMINATION_OUTBOX');

/** Eligibility for every active program at once, from one set of answers, with the reasons. */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly repo: DeterminationsRepository,
    private readonly programs: ProgramStore,
    private readonly participants: ParticipantLookup,
    @Inject(DETERMINATION_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  async determine(participantId: string, answers: EligibilityAnswers, by: string): Promise<EligibilityDeterminationView> {
    await this.participants.require(participantId);
    const active = await this.programs.list(true);
    const labels = new Map(active.map((p) => [p._id, p.label]));
    const now = new Date();
    const determinations = determineEligibility(answers, active.map(toDefinition), now);
    const id = randomUUID();
    const doc: Omit<DeterminationDocument, 'outbox' | 'outboxPending' | 'outboxSeq'> = {
      _id: id,
      participantId,
      answers,
      results: determinations.map((d) => ({
        program: d.program.code,
        label: labels.get(d.program.code) ?? d.program.name,
        status: d.status,
        reasons: d.reasons,
        expiresAt: d.expiresAt,
      })),
      determinedAt: now,
      determinedBy: by,
    };
    // Outcomes only: the answers (income, assistance) stay in intake.
    const event = createEvent(eligibilityDeterminedV1, participantId, {
      participantId,
      determinationId: id,
      determinedAt: now.toISOString(),
      programs: doc.results.map((r) => ({ program: r.program, status: r.status, expiresAt: r.expiresAt.toISOString() })),
    });
    const stored = await this.repo.insertWithEvents(doc, [{ topic: eligibilityDeterminedV1.topic, envelope: event }]);
    this.relay.kick(stored._id);
    return toDeterminationView(stored);
  }

  async history(participantId: string): Promise<EligibilityDeterminationView[]> {
    await this.participants.require(participantId);
    return (await this.repo.history(participantId)).map(toDeterminationView);
  }

  async get(participantId: string, determinationId: string): Promise<EligibilityDeterminationView> {
    await this.participants.require(participantId);
    const doc = await this.repo.findOne(participantId, determinationId);
    if (!doc) throw new NotFoundException(`No eligibility determination ${determinationId} for this participant`);
    return toDeterminationView(doc);
  }
}
