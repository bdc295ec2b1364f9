import type { Leases } from '../shared/leases.ts';
import { type Db, sqlTable } from './database.ts';

/** Leases as rows of the Lease table; one statement each, the same SQL on SQLite and PostgreSQL. */
export class PrismaLeases implements Leases {
  constructor(private readonly db: Db) {}

  async acquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    // An upsert whose update only applies to an expired lease or the owner's own: the row count says
    // who holds it, atomically, with no read-then-write race between instances.
    const changed = await this.db.$executeRaw`
      INSERT INTO ${sqlTable(this.db, 'Lease')} AS l ("name", "owner", "expiresAt") VALUES (${name}, ${owner}, ${expiresAt})
      ON CONFLICT ("name") DO UPDATE SET "owner" = excluded."owner", "expiresAt" = excluded."expiresAt"
      WHERE l."expiresAt" < ${now} OR l."owner" = excluded."owner"`;
    return changed > 0;
  }

  async release(name: string, owner: string): Promise<void> {
    await this.db.lease.deleteMany({ where: { name, owner } });
  }
}
