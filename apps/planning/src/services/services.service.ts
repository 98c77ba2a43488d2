import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  serviceRecordedV1,
  type ChangeServiceStatusRequest,
  type RecordServiceRequest,
  type ServiceView,
  type VersionConflictBody,
} from '@waypoint/contracts';
import { createEvent, unprocessable, type OutboxRelay, type PublishableEvent } from '@waypoint/platform';
import { ParticipantDirectory } from '../directory/participant-directory';
import type { Actor } from '../shared/actor';
import { todayUtc } from '../shared/dates';
import { recordOnce } from '../shared/idempotency';
import { applyStatusChange, newServiceRefusals } from './service-rules';
import { toServiceView } from './service.mapper';
import type { ServiceDocument } from './service.schema';
import { ServicesRepository, type StoredService } from './services.repository';

export const SERVICE_OUTBOX = Symbol('SERVICE_OUTBOX');

/** Services given to participants: recorded, then moved through their statuses; each write announced. */
@Injectable()
export class ServicesService {
  constructor(
    private readonly repo: ServicesRepository,
    private readonly directory: ParticipantDirectory,
    @Inject(SERVICE_OUTBOX) private readonly relay: OutboxRelay,
  ) {}

  /**
   * Records a service (with an id from the submission's Idempotency-Key, a retry answers the
   * service the first attempt recorded: `replayed`).
   */
  async record(
    participantId: string,
    input: RecordServiceRequest,
    actor: Actor,
    id?: string,
  ): Promise<{ service: ServiceView; replayed: boolean }> {
    const find = (key: string) => this.repo.findById(key);
    const { record, replayed } = await recordOnce(id, participantId, find, (newId) => this.insert(newId, participantId, input, actor));
    return { service: toServiceView(record), replayed };
  }

  private async insert(id: string, participantId: string, input: RecordServiceRequest, actor: Actor): Promise<StoredService> {
    await this.directory.require(participantId);
    const refusals = newServiceRefusals(input, todayUtc());
    if (refusals.length) throw unprocessable(refusals, 'Cannot record this service');
    const now = new Date();
    const { note, ...service } = input;
    const first = { version: 1, status: input.status, startOn: input.startOn, ...(input.endOn ? { endOn: input.endOn } : {}) };
    const doc = {
      _id: id,
      participantId,
      ...service,
      ...(note ? { note } : {}),
      recordedBy: actor.username,
      recordedAt: now,
      version: 1,
      history: [{ ...first, ...(note ? { note } : {}), by: actor.username, at: now }],
    };
    const stored = await this.repo.insertWithEvents(doc, [announce(doc, actor)]);
    this.relay.kick(stored._id);
    return stored;
  }

  /** A status change if `expectedVersion` is still current (409 otherwise); a new history entry, announced. */
  async changeStatus(
    participantId: string,
    serviceId: string,
    input: Omit<ChangeServiceStatusRequest, 'version'>,
    expectedVersion: number,
    actor: Actor,
  ): Promise<ServiceView> {
    const current = await this.repo.findById(serviceId);
    if (!current || current.participantId !== participantId) throw new NotFoundException(`No service ${serviceId} for this participant`);
    if (current.version !== expectedVersion) throw staleVersion(current.version);
    const outcome = applyStatusChange(current, input, todayUtc());
    if (!outcome.ok) throw unprocessable(outcome.refusals, 'Cannot change this service');
    const { next } = outcome;
    const now = new Date();
    const entry = { version: expectedVersion + 1, ...next, ...(input.note ? { note: input.note } : {}), by: actor.username, at: now };
    const after = { ...current, ...next, version: expectedVersion + 1, history: [...current.history, entry] };
    if (!(await this.repo.changeIfVersion(serviceId, expectedVersion, { ...next, entry }, [announce(after, actor)]))) {
      const latest = await this.repo.findById(serviceId);
      throw staleVersion(latest?.version ?? expectedVersion + 1);
    }
    this.relay.kick(serviceId);
    return toServiceView(after);
  }

  async list(participantId: string): Promise<ServiceView[]> {
    await this.directory.require(participantId);
    return (await this.repo.list(participantId)).map(toServiceView);
  }
}

/** planning.service.recorded for the service as it now stands. */
type Announced = Pick<ServiceDocument, '_id' | 'participantId' | 'program' | 'category' | 'service' | 'status' | 'startOn' | 'endOn'>;

function announce(s: Announced, actor: Actor): PublishableEvent {
  const envelope = createEvent(serviceRecordedV1, s.participantId, {
    participantId: s.participantId,
    serviceId: s._id,
    program: s.program,
    category: s.category,
    service: s.service,
    status: s.status,
    startOn: s.startOn,
    ...(s.endOn ? { endOn: s.endOn } : {}),
    recordedBy: actor.username,
  });
  return { topic: serviceRecordedV1.topic, envelope };
}

function staleVersion(currentVersion: number): ConflictException {
  const body: VersionConflictBody = {
    statusCode: 409,
    error: 'Conflict',
    code: 'stale-version',
    message: `Someone changed this service since you read it (now version ${currentVersion}). Reload it and apply your change again.`,
    currentVersion,
  };
  return new ConflictException(body);
}
