import type { RetentionCutoffs, RetentionReport, RetentionStore } from '../privacy/retention.ts';
import type { Db, DatabaseProvider } from './database.ts';
import { checkpointSqlite } from './sqlite-maintenance.ts';

/** Deletes journaled updates and login attempts older than their periods (src/privacy/retention.ts). */
export class PrismaRetentionStore implements RetentionStore {
  constructor(
    private readonly db: Db,
    private readonly provider: DatabaseProvider,
  ) {}

  async purge(cutoffs: RetentionCutoffs): Promise<RetentionReport> {
    const [journal, loginAttempts] = await this.db.$transaction([
      this.db.inboundUpdate.deleteMany({
        where: {
          createdAt: { lt: cutoffs.journalBefore },
          // Not one some instance is handling this minute: its sends would find no row to mark.
          OR: [{ deliveredAt: { not: null } }, { claimedUntil: null }, { claimedUntil: { lt: cutoffs.now } }],
        },
      }),
      this.db.loginAttempt.deleteMany({ where: { createdAt: { lt: cutoffs.loginAttemptsBefore } } }),
    ]);
    // secure_delete zeroes the rows in the pages; the checkpoint takes the old page images out of the WAL.
    if (this.provider === 'sqlite' && journal.count + loginAttempts.count > 0) await checkpointSqlite(this.db);
    return { journal: journal.count, loginAttempts: loginAttempts.count };
  }
}
