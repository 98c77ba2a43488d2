import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { nameSearchKeys } from '@waypoint/intake-domain';
import { candidateKeysOf, MatchKeyDirectory } from './match-key-directory';
import { ParticipantsRepository } from './participants.repository';

/**
 * Gives records registered before the duplicate-search keys existed their name keys and
 * a version, so the duplicate check finds them too. Runs once at start-up, in the
 * background (a no-op when every record has them).
 */
@Injectable()
export class SearchKeysBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('search-keys-backfill');

  onApplicationBootstrap(): void {
    this.run().catch((err: Error) => this.logger.error(`backfill failed: ${err.message}`));
  }

  constructor(
    private readonly repo: ParticipantsRepository,
    private readonly matchKeys: MatchKeyDirectory,
  ) {}

  /** Returns how many records it completed. */
  async run(batchSize = 500): Promise<number> {
    let done = 0;
    for (;;) {
      const batch = await this.repo.withoutSearchKeys(batchSize);
      for (const p of batch) {
        const keys = nameSearchKeys(p);
        await this.matchKeys.add(p._id, candidateKeysOf({ ...p, ...keys }));
        await this.repo.setSearchKeys(p._id, keys);
      }
      done += batch.length;
      if (batch.length < batchSize) break;
    }
    if (done) this.logger.log(`search keys added to ${done} earlier records`);
    return done;
  }
}
