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
    const uploads = await this.purgeUnreferencedUploads(cutoffs.uploadsBefore, cutoffs.now);
    // secure_delete zeroes the rows in the pages; the checkpoint takes the old page images out of the WAL.
    if (this.provider === 'sqlite' && journal.count + loginAttempts.count + uploads > 0) await checkpointSqlite(this.db);
    return { journal: journal.count, loginAttempts: loginAttempts.count, uploads };
  }

  /**
   * Old uploads no complaint (nor the intake still under way) names: deleted. One a complaint names
   * is marked kept, so it is looked at once, not every hour; it goes with the complaint's erasure.
   */
  private async purgeUnreferencedUploads(before: Date, now: Date): Promise<number> {
    const old = await this.db.evidenceFile.findMany({ where: { createdAt: { lt: before }, keptAt: null }, select: { id: true, conversationId: true }, take: 1000 });
    let removed = 0;
    for (const file of old) {
      const [complaints, drafts] = await Promise.all([
        this.db.complaint.count({ where: { record: { contains: file.id } } }),
        this.db.conversation.count({ where: { id: file.conversationId, stateData: { contains: file.id } } }),
      ]);
      if (complaints > 0) await this.db.evidenceFile.update({ where: { id: file.id }, data: { keptAt: now } });
      else if (drafts === 0) removed += (await this.db.evidenceFile.deleteMany({ where: { id: file.id } })).count;
    }
    return removed;
  }
}
