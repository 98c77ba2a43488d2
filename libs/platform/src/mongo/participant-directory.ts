import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { ParticipantUpdatedV1 } from '@waypoint/contracts';

/**
 * Keeping a service's participant directory (a read model with one document per person,
 * `_id` = participantId) from intake's `participant.registered` and `participant.updated`
 * events, the same way in every service that keeps one.
 *
 * Every entry holds `version`, the person's record version it reflects: 1 from registration,
 * N from the update that made version N. An update is applied only if it is newer than the
 * entry, so a redelivered or late update never moves the entry backwards. Entries written
 * before versions existed have no `version`: they count as 1 (registration).
 * The guard is per entry, not per field: an older update that arrives after a newer one is
 * dropped whole, even for fields the newer one did not touch. That is safe because intake
 * publishes a person's events in order on one partition (keyed by participantId, from its
 * outbox), so an older one after a newer one is only ever a redelivery of one applied already.
 *
 * An update for someone the directory has not seen registered yet (the registered event is
 * still to come, or the read model is being rebuilt) is not lost: it upserts a PARTIAL entry,
 * holding the changed fields, the version and `awaitingRegistration: true`. We chose this over
 * parking the update elsewhere because the version guard then works on one document, with no
 * second collection to replay. The registration later completes the entry, filling only the
 * fields still missing, so it never overwrites what a newer update wrote. Directory queries
 * leave partial entries out (`REGISTERED_ONLY`) until the registration has arrived.
 */
export interface DirectoryEntryBase {
  _id: string;
  version?: number;
  awaitingRegistration?: boolean;
}

/** The fields of `participant.updated` changes a directory may keep. */
export type ParticipantDirectoryField = keyof ParticipantUpdatedV1['changes'];

/** Filter for directory reads: entries whose registration has arrived. */
export const REGISTERED_ONLY = { awaitingRegistration: { $ne: true } } as const;

/** The schema paths every directory entry needs besides its own fields (add to the mongoose schema). */
export const directoryEntryPaths = {
  version: { type: Number },
  awaitingRegistration: { type: Boolean },
} as const;

/** The changes of an update that this directory keeps, as fields to set (pure). */
export function directoryChanges(
  changes: ParticipantUpdatedV1['changes'],
  kept: readonly ParticipantDirectoryField[],
): Partial<ParticipantUpdatedV1['changes']> {
  const set: Record<string, unknown> = {};
  for (const field of kept) if (changes[field] !== undefined) set[field] = changes[field];
  return set as Partial<ParticipantUpdatedV1['changes']>;
}

/** The fields of `entry` that `current` does not hold yet (pure): what a late registration may fill. */
export function missingFields<T extends object>(current: Partial<T>, entry: T): Partial<T> {
  const missing: Partial<T> = {};
  for (const key of Object.keys(entry) as (keyof T)[]) if (current[key] === undefined) missing[key] = entry[key];
  return missing;
}

/**
 * Applies a registration: inserts the whole entry at version 1, or, if an update arrived
 * first and left a partial entry, fills the fields it does not hold and marks it registered.
 * A redelivered registration changes nothing. Returns whether anything was written.
 */
export async function applyParticipantRegistration<T extends DirectoryEntryBase>(
  model: Model<T>,
  participantId: string,
  entry: Omit<T, keyof DirectoryEntryBase>,
): Promise<boolean> {
  const inserted = await model
    .updateOne({ _id: participantId } as FilterQuery<T>, { $setOnInsert: { ...entry, version: 1 } } as UpdateQuery<T>, {
      upsert: true,
    })
    .exec();
  if (inserted.upsertedCount === 1) return true;
  // Events of one person share a partition and come one at a time, so the entry cannot change
  // between the read and the write below; the version in the filter makes sure of it anyway
  // (a miss throws, and the consumer retries the event).
  const partial = await model
    .findOne({ _id: participantId, awaitingRegistration: true } as FilterQuery<T>)
    .lean<Partial<T>>()
    .exec();
  if (!partial) return false;
  const fill = missingFields(partial as Partial<Omit<T, keyof DirectoryEntryBase>>, entry);
  const done = await model
    .updateOne(
      { _id: participantId, awaitingRegistration: true, version: partial.version } as FilterQuery<T>,
      { $set: fill, $unset: { awaitingRegistration: '' } } as UpdateQuery<T>,
    )
    .exec();
  if (done.matchedCount !== 1) throw new Error(`directory entry ${participantId} changed while its registration was applied`);
  return true;
}

/**
 * Applies an update's kept changes if it is newer than the entry (or the entry does not
 * exist yet: then a partial entry awaits the registration). Returns whether it was applied;
 * false means the entry already reflects this version or a newer one.
 */
export async function applyParticipantUpdate<T extends DirectoryEntryBase>(
  model: Model<T>,
  update: Pick<ParticipantUpdatedV1, 'participantId' | 'version' | 'changes'>,
  kept: readonly ParticipantDirectoryField[],
): Promise<boolean> {
  const { participantId, version } = update;
  // Matches the entry only while it is older than this update; with nothing matched the
  // upsert inserts a partial entry, unless the entry exists at this version or newer: then
  // the insert hits the _id and fails with a duplicate key, which means "stale, ignore".
  const olderThanUpdate = { _id: participantId, $or: [{ version: { $lt: version } }, { version: { $exists: false } }] };
  try {
    await model
      .updateOne(
        olderThanUpdate as FilterQuery<T>,
        { $set: { ...directoryChanges(update.changes, kept), version }, $setOnInsert: { awaitingRegistration: true } } as UpdateQuery<T>,
        { upsert: true },
      )
      .exec();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}
