import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ASSESSMENT_KINDS,
  ASSESSMENT_SCHEMA_VERSIONS,
  assessmentCompletedV1,
  can,
  needsIdentifiedV1,
  type AssessmentComparison,
  type AssessmentKind,
  type AssessmentOverview,
  type AssessmentRecord,
  type AssessmentSeries,
  type BarriersRequest,
  type BarriersResult,
  type DueAssessment,
  type IdentifiedNeed,
  type IntakeQuestionnaireRequest,
  type InterestProfileResult,
  type JobReadinessResult,
  type Page,
  type PersonalReadinessRecord,
  type PersonalReadinessRequest,
} from '@waypoint/contracts';
import {
  compareBarriers,
  compareInterestProfiles,
  compareQuestionnaires,
  compareReadinessResults,
  DEFAULT_PERSONAL_READINESS_ITEMS,
  personalReadinessMet,
  reassessmentDueOn,
  utcDay,
} from '@waypoint/intake-domain';
import { createEvent, validationError, type OutboxRelay, type PublishableEvent } from '@waypoint/platform';
import { evaluate } from './assessment-evaluation';
import { toDue, toHeader, toLatest, toRecord } from './assessment.mapper';
import type { AssessmentDocument } from './assessment.schema';
import { AssessmentsRepository } from './assessments.repository';
import { isDuplicateKey, OccupationsService } from './occupations.service';

export const ASSESSMENT_OUTBOX = Symbol('ASSESSMENT_OUTBOX');

export interface Actor {
  id: string;
  username: string;
  roles: readonly string[];
}

/** Kinds a role may read: barriers need readBarriers (need-to-know), the rest readAssessments. */
export function readableKinds(roles: readonly string[]): AssessmentKind[] {
  return ASSESSMENT_KINDS.filter((k) => (k === 'barriers' ? can(roles, 'readBarriers') : can(roles, 'readAssessments')));
}

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly repo: AssessmentsRepository,
    private readonly occupations: OccupationsService,
    @Inject(ASSESSMENT_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  /**
   * Completes assessment N+1 of `kind` for the participant: validates, computes the result,
   * and stores it with intake.assessment.completed (and, for barriers, intake.needs.identified)
   * in one document write. Nothing is overwritten: the earlier one stays, linked by previousId.
   */
  async complete(participantId: string, kind: AssessmentKind, body: unknown, actor: Actor): Promise<AssessmentRecord> {
    const now = new Date();
    const today = utcDay(now);
    const evaluation = await evaluate(kind, body, { today, occupations: () => this.occupations.all() });
    const office = await this.repo.participantOffice(participantId);
    if (office === null) throw new NotFoundException(`No participant with id ${participantId}`);

    // Two writers racing for the same number: the unique index lets one win; the other takes the next.
    for (let attempt = 0; ; attempt++) {
      // After losing a race for a number, ask by query: the winner may not have moved the head yet.
      const previous = attempt === 0 ? await this.repo.newest(participantId, kind) : await this.repo.newestByQuery(participantId, kind);
      const number = (previous?.number ?? 0) + 1;
      const id = randomUUID();
      const dueOn = reassessmentDueOn(kind, now);
      const doc: Omit<AssessmentDocument, 'outbox' | 'outboxPending' | 'outboxSeq'> = {
        _id: id,
        participantId,
        kind,
        number,
        schemaVersion: ASSESSMENT_SCHEMA_VERSIONS[kind],
        completedAt: now,
        completedBy: actor.username,
        completedById: actor.id,
        reassessmentDueOn: dueOn,
        previousId: previous?._id ?? null,
        office,
        latest: true,
        answers: evaluation.answers,
        result: evaluation.result,
        summary: evaluation.summary,
      };
      const events: PublishableEvent[] = [
        {
          topic: assessmentCompletedV1.topic,
          envelope: createEvent(assessmentCompletedV1, participantId, {
            participantId,
            assessmentId: id,
            kind,
            number,
            schemaVersion: doc.schemaVersion,
            completedAt: now.toISOString(),
            reassessmentDueOn: dueOn,
            summary: evaluation.eventSummary,
          }),
        },
      ];
      if (kind === 'barriers') {
        const needs = (evaluation.result as unknown as BarriersResult).needs.map((n: IdentifiedNeed) => ({
          area: n.area,
          severity: n.severity,
          suggestedService: n.suggestedService.code,
          urgency: n.suggestedService.urgency,
        }));
        events.push({ topic: needsIdentifiedV1.topic, envelope: createEvent(needsIdentifiedV1, participantId, { participantId, assessmentId: id, needs }) });
      }
      try {
        await this.repo.insertWithEvents(doc, events);
      } catch (err) {
        if (isDuplicateKey(err) && attempt < 5) continue;
        throw err;
      }
      this.relay.kick(doc._id);
      await this.repo.supersede(participantId, kind, number, id, doc.previousId);
      return toRecord({ ...doc, outbox: [], outboxPending: false, outboxSeq: 1 });
    }
  }

  async overview(participantId: string, roles: readonly string[]): Promise<AssessmentOverview> {
    await this.mustExist(participantId);
    const kinds = readableKinds(roles);
    const docs = await this.repo.newestHeaders(participantId, kinds);
    const today = utcDay(new Date());
    return {
      participantId,
      kinds: Object.fromEntries(kinds.map((k) => {
        const doc = docs.find((d) => d.kind === k);
        return [k, doc ? toLatest(doc, today) : null];
      })),
    };
  }

  async series(participantId: string, kind: AssessmentKind, roles: readonly string[]): Promise<AssessmentSeries> {
    this.mayRead(kind, roles);
    await this.mustExist(participantId);
    const today = utcDay(new Date());
    return { participantId, kind, items: (await this.repo.series(participantId, kind)).map((d) => toLatest(d, today)) };
  }

  async get(participantId: string, kind: AssessmentKind, number: number, roles: readonly string[]): Promise<AssessmentRecord> {
    this.mayRead(kind, roles);
    return toRecord(await this.found(participantId, kind, number));
  }

  /** Compares two assessments of a kind; by default the latest with the one before it. */
  async compare(
    participantId: string,
    kind: AssessmentKind,
    query: { from?: number; to?: number },
    roles: readonly string[],
  ): Promise<AssessmentComparison> {
    this.mayRead(kind, roles);
    await this.mustExist(participantId);
    let toNumber = query.to;
    if (toNumber === undefined) {
      const newest = await this.repo.newest(participantId, kind);
      if (!newest) throw new NotFoundException(`No ${kind} assessment yet for participant ${participantId}`);
      toNumber = newest.number;
    }
    const fromNumber = query.from ?? toNumber - 1;
    if (fromNumber === toNumber) throw validationError([{ field: 'from', message: 'Compare two different assessments' }]);
    if (fromNumber < 1) throw new NotFoundException(`Only one ${kind} assessment so far: nothing to compare it with`);
    const [from, to] = await Promise.all([this.found(participantId, kind, fromNumber), this.found(participantId, kind, toNumber)]);
    const base = { participantId, from: toHeader(from), to: toHeader(to) };
    switch (kind) {
      case 'intake-questionnaire':
        return { ...base, kind, changes: compareQuestionnaires(from.answers as IntakeQuestionnaireRequest, to.answers as IntakeQuestionnaireRequest) };
      case 'barriers':
        return { ...base, kind, changes: { changes: compareBarriers(from.answers as BarriersRequest, to.answers as BarriersRequest) } };
      case 'interest-profile':
        return {
          ...base,
          kind,
          changes: compareInterestProfiles(
            { result: from.result as unknown as InterestProfileResult, jobZone: (from.answers as { jobZone: number }).jobZone },
            { result: to.result as unknown as InterestProfileResult, jobZone: (to.answers as { jobZone: number }).jobZone },
          ),
        };
      case 'job-readiness':
        return { ...base, kind, changes: compareReadinessResults(from.result as unknown as JobReadinessResult, to.result as unknown as JobReadinessResult) };
    }
  }

  /** Participants whose latest assessment of a kind is due on or before `before` (default today). */
  async due(
    q: { office?: string; kind?: AssessmentKind; before?: string; limit: number; cursor?: [string, string] },
    roles: readonly string[],
  ): Promise<Page<DueAssessment>> {
    const readable = readableKinds(roles);
    if (q.kind) this.mayRead(q.kind, roles);
    const docs = await this.repo.due({
      before: q.before ?? utcDay(new Date()),
      kinds: q.kind ? [q.kind] : readable,
      office: q.office,
      limit: q.limit + 1,
      cursor: q.cursor,
    });
    const page = docs.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDue),
      nextCursor: docs.length > q.limit && last ? Buffer.from(JSON.stringify([last.reassessmentDueOn, last._id])).toString('base64url') : null,
    };
  }

  /** The case manager's checklist; before the first save, the default items, all unmet (revision 0). */
  async personalReadiness(participantId: string, number: number): Promise<PersonalReadinessRecord> {
    const assessment = await this.found(participantId, 'job-readiness', number);
    const saved = await this.repo.personalReadiness(assessment._id);
    if (!saved) {
      const items = DEFAULT_PERSONAL_READINESS_ITEMS.map((i) => ({ ...i, met: false }));
      return { participantId, assessmentId: assessment._id, number, items, allMet: false, revision: 0, updatedAt: new Date(assessment.completedAt).toISOString(), updatedBy: assessment.completedBy };
    }
    return toPersonalReadiness(saved);
  }

  async savePersonalReadiness(participantId: string, number: number, body: PersonalReadinessRequest, actor: Actor): Promise<PersonalReadinessRecord> {
    const ids = body.items.map((i) => i.id);
    const repeated = body.items.flatMap((item, i) => (ids.indexOf(item.id) < i ? [{ field: `items.${i}.id`, message: `Item ${item.id} is listed twice` }] : []));
    if (repeated.length) throw validationError(repeated);
    const assessment = await this.found(participantId, 'job-readiness', number);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.repo.personalReadiness(assessment._id);
      const next = { _id: assessment._id, participantId, number, items: body.items, revision: (current?.revision ?? 0) + 1, updatedAt: new Date(), updatedBy: actor.username };
      if (await this.repo.savePersonalReadiness(current, next)) return toPersonalReadiness(next);
    }
    throw new Error('personal readiness: too many concurrent saves');
  }

  private mayRead(kind: AssessmentKind, roles: readonly string[]): void {
    if (!readableKinds(roles).includes(kind)) throw new ForbiddenException(`Your role may not read ${kind} assessments`);
  }

  private async mustExist(participantId: string): Promise<void> {
    if ((await this.repo.participantOffice(participantId)) === null) throw new NotFoundException(`No participant with id ${participantId}`);
  }

  private async found(participantId: string, kind: AssessmentKind, number: number): Promise<AssessmentDocument> {
    const doc = await this.repo.byNumber(participantId, kind, number);
    if (doc) return doc;
    await this.mustExist(participantId);
    throw new NotFoundException(`No ${kind} assessment number ${number} for participant ${participantId}`);
  }
}

function toPersonalReadiness(doc: { _id: string; participantId: string; number: number; items: PersonalReadinessRequest['items']; revision: number; updatedAt: Date; updatedBy: string }): PersonalReadinessRecord {
  return {
    participantId: doc.participantId,
    assessmentId: doc._id,
    number: doc.number,
    items: doc.items,
    allMet: personalReadinessMet(doc),
    revision: doc.revision,
    updatedAt: new Date(doc.updatedAt).toISOString(),
    updatedBy: doc.updatedBy,
  };
}
