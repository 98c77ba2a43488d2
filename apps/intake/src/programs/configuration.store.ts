import { ConflictException, NotFoundException } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { DocumentWriteLocks } from '@waypoint/platform';
import type { VersionedDocument } from './configuration.schema';

type Fields<T extends VersionedDocument> = Omit<T, keyof VersionedDocument> & { active: boolean };

/**
 * A collection of configuration entries (programs, offices) keyed by code. Entries are
 * never deleted (enrollments and people reference them), only deactivated; every change
 * replaces the whole entry and must name the version it was read at.
 */
export class ConfigurationStore<T extends VersionedDocument> {
  constructor(
    private readonly model: Model<T>,
    /** 'program' or 'office', for messages. */
    private readonly noun: string,
    private readonly locks: DocumentWriteLocks,
  ) {}

  list(onlyActive = false): Promise<T[]> {
    return this.model
      .find(onlyActive ? { active: true } : {})
      .sort({ _id: 1 })
      .lean<T[]>()
      .exec();
  }

  /** The entries with these codes (any state). */
  byCodes(codes: readonly string[]): Promise<T[]> {
    return this.model.find({ _id: { $in: [...codes] } }).lean<T[]>().exec();
  }

  async get(code: string): Promise<T> {
    const doc = await this.model.findById(code).lean<T>().exec();
    if (!doc) throw new NotFoundException(`No ${this.noun} with code ${code}`);
    return doc;
  }

  /**
   * Inserts the entry unless one with its code exists: never overwrites an administrator's
   * edit, and safe when several processes seed at once (the database refuses the second).
   */
  async insertIfAbsent(code: string, fields: Fields<T>, by: string, now = new Date()): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ ...fields, _id: code, version: 1, createdAt: now, updatedAt: now, updatedBy: by } as never);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async create(code: string, fields: Fields<T>, by: string): Promise<T> {
    if (!(await this.insertIfAbsent(code, fields, by))) {
      throw new ConflictException(`A ${this.noun} with code ${code} already exists; edit it instead`);
    }
    return this.get(code);
  }

  /**
   * Changes the entry if it is still at `version` (409 when someone changed it meanwhile;
   * without a version, whatever is current). `replace`: fields left out are removed, so the
   * stored entry is exactly what was sent; otherwise only the given fields change.
   */
  async update(code: string, version: number | undefined, fields: Partial<Fields<T>>, by: string, replace: boolean): Promise<T> {
    const current = await this.get(code);
    const expected = version ?? current.version;
    // Only the configured fields change; the key and the bookkeeping are the store's.
    const changes = Object.fromEntries(Object.entries(fields).filter(([k]) => k === 'active' || !(k in VERSIONED_KEYS)));
    const absent = replace
      ? Object.keys(this.model.schema.paths).filter((k) => !(k in changes) && !(k in VERSIONED_KEYS))
      : [];
    // Through the collection's write lock: FerretDB 1.x would let two updates guarded by the
    // same version both succeed (see DocumentWriteLock).
    const res = await this.locks.writesTo(this.model.collection).updateOne({ _id: code, version: expected } as never, {
      $set: { ...changes, updatedAt: new Date(), updatedBy: by },
      $inc: { version: 1 },
      ...(absent.length ? { $unset: Object.fromEntries(absent.map((k) => [k, ''])) } : {}),
    } as never);
    if (res.matchedCount === 0) {
      const now = await this.get(code);
      throw new ConflictException(
        `This ${this.noun} was changed by ${now.updatedBy} since version ${expected} (now version ${now.version}): reload it and apply your change again`,
      );
    }
    return this.get(code);
  }
}

const VERSIONED_KEYS = { _id: 1, active: 1, version: 1, createdAt: 1, updatedAt: 1, updatedBy: 1 };

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}
