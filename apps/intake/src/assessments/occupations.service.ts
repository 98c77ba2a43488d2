import { ConflictException, Injectable, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { CreateOccupationRequest, OccupationView, Page, UpdateOccupationRequest } from '@waypoint/contracts';
import { nameKey, OCCUPATION_CATALOGUE, type Occupation } from '@waypoint/intake-domain';
import { JsonLogger } from '@waypoint/platform';
import { OCCUPATION_MODEL, type OccupationDocument } from './occupation.schema';

export interface OccupationQuery {
  q?: string;
  riasec?: string;
  jobZone?: number;
  limit: number;
  cursor?: string;
}

const words = (text: string) => nameKey(text).split(' ').filter(Boolean);

function searchKeys(o: { title?: string; riasecCode?: string }) {
  return {
    ...(o.title !== undefined ? { titleWords: words(o.title) } : {}),
    ...(o.riasecCode !== undefined ? { riasecLetters: o.riasecCode.split('') } : {}),
  };
}

export function toOccupationView(doc: OccupationDocument): OccupationView {
  return {
    socCode: doc._id,
    title: doc.title,
    riasecCode: doc.riasecCode,
    jobZone: doc.jobZone,
    medianAnnualWage: doc.medianAnnualWage,
    outlook: doc.outlook,
    source: doc.source,
  };
}

/**
 * The occupation catalogue: the shipped list seeded at start (only occupations not already
 * stored, so an administrator's corrections survive restarts), plus local occupations.
 */
/** How long the catalogue is kept in memory between reads of the database. */
export const CATALOGUE_CACHE_MS = 30_000;

@Injectable()
export class OccupationsService implements OnApplicationBootstrap {
  private readonly log;
  private cached?: { at: number; value: Promise<OccupationView[]> };
  constructor(
    @InjectModel(OCCUPATION_MODEL) private readonly model: Model<OccupationDocument>,
    logger: JsonLogger,
  ) {
    this.log = logger.child('occupations');
  }

  async onApplicationBootstrap(): Promise<void> {
    const added = await this.seed(OCCUPATION_CATALOGUE);
    if (added) this.log.info('occupation catalogue seeded', { added });
  }

  /** Inserts the occupations whose SOC code is not stored yet; returns how many. */
  async seed(catalogue: readonly Occupation[]): Promise<number> {
    const present = new Set((await this.model.find({}, { _id: 1 }).lean().exec()).map((d) => d._id));
    const missing = catalogue.filter((o) => !present.has(o.socCode));
    if (!missing.length) return 0;
    const now = new Date();
    try {
      await this.model.collection.insertMany(
        missing.map(({ socCode, ...o }) => ({ _id: socCode, ...o, ...searchKeys(o), source: 'catalogue', updatedAt: now, updatedBy: 'system' })) as never[],
        { ordered: false },
      );
    } catch (err) {
      // Another instance seeding at the same moment: its copies are the same rows.
      if (!isDuplicateKey(err)) throw err;
    }
    return missing.length;
  }

  async list(q: OccupationQuery): Promise<Page<OccupationView>> {
    const and: FilterQuery<OccupationDocument>[] = [];
    // Folded to [a-z0-9], so the words need no regex escaping.
    for (const word of q.q ? words(q.q).slice(0, 4) : []) and.push({ titleWords: { $regex: `^${word}` } });
    if (q.riasec) and.push({ riasecLetters: q.riasec });
    if (q.jobZone) and.push({ jobZone: q.jobZone });
    if (q.cursor) and.push({ _id: { $gt: q.cursor } });
    const docs = await this.model
      .find(and.length ? { $and: and } : {})
      .sort({ _id: 1 })
      .limit(q.limit + 1)
      .lean<OccupationDocument[]>()
      .exec();
    const page = docs.slice(0, q.limit);
    return { items: page.map(toOccupationView), nextCursor: docs.length > q.limit ? page[page.length - 1]._id : null };
  }

  /** The whole catalogue, for suggestions (hundreds of rows, not hundreds of thousands). */
  /**
   * The whole catalogue, as every interest profile ranks it: kept for CATALOGUE_CACHE_MS and
   * dropped at once when this process changes it (an edit made by another instance shows
   * within that time).
   */
  async all(): Promise<OccupationView[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CATALOGUE_CACHE_MS) {
      const value = this.model
        .find({})
        .sort({ _id: 1 })
        .lean<OccupationDocument[]>()
        .exec()
        .then((docs) => docs.map(toOccupationView));
      this.cached = { at: now, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
    }
    return [...(await this.cached.value)];
  }

  async create(input: CreateOccupationRequest, actor: string): Promise<OccupationView> {
    this.cached = undefined;
    const { socCode, ...fields } = input;
    const doc = { _id: socCode, ...fields, ...searchKeys(fields), source: 'local' as const, updatedAt: new Date(), updatedBy: actor } as OccupationDocument;
    try {
      await this.model.collection.insertOne(doc as never);
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictException(`Occupation ${socCode} is already in the catalogue; change it with PUT`);
      throw err;
    }
    this.cached = undefined; // again: a read between the first drop and the write may have cached the old catalogue
    return toOccupationView(doc);
  }

  async update(socCode: string, input: UpdateOccupationRequest, actor: string): Promise<OccupationView> {
    this.cached = undefined;
    const doc = await this.model
      .findOneAndUpdate(
        { _id: socCode },
        { $set: { ...input, ...searchKeys(input), updatedAt: new Date(), updatedBy: actor } },
        { new: true },
      )
      .lean<OccupationDocument>()
      .exec();
    this.cached = undefined;
    if (!doc) throw new NotFoundException(`No occupation ${socCode} in the catalogue`);
    return toOccupationView(doc);
  }
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}
