import type { AuditInput } from '../shared/audit-log.ts';
import type { StaffAccountRecord, StaffAccountStore, StaffRole } from '../staff/staff-accounts.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

const account = { id: true, email: true, role: true, active: true, createdAt: true, totpEnabledAt: true } as const;

/** Staff accounts in the StaffUser table; sessions they end are StaffSession rows. */
export class PrismaStaffAccounts implements StaffAccountStore {
  constructor(private readonly db: Db) {}

  byEmail(email: string): Promise<StaffAccountRecord | null> {
    return this.db.staffUser.findUnique({ where: { email }, select: account });
  }

  byId(id: string): Promise<StaffAccountRecord | null> {
    return this.db.staffUser.findUnique({ where: { id }, select: account });
  }

  list(): Promise<StaffAccountRecord[]> {
    return this.db.staffUser.findMany({ orderBy: { email: 'asc' }, select: account });
  }

  activeAdmins(): Promise<number> {
    return this.db.staffUser.count({ where: { role: 'admin', active: true } });
  }

  async insert(input: { email: string; passwordHash: string; role: StaffRole }, audit: AuditInput, now: Date): Promise<StaffAccountRecord> {
    const [row] = await this.db.$transaction([this.db.staffUser.create({ data: { ...input, createdAt: now }, select: account }), auditCreate(this.db, audit, now)]);
    return row;
  }

  async setActive(id: string, active: boolean, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id }, data: { active } }),
      ...(active ? [] : [this.db.staffSession.deleteMany({ where: { userId: id } })]),
      auditCreate(this.db, audit, now),
    ]);
  }

  async setPasswordHash(id: string, passwordHash: string, keepSessionId: string | null, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id }, data: { passwordHash } }),
      this.db.staffSession.deleteMany({ where: keepSessionId === null ? { userId: id } : { userId: id, id: { not: keepSessionId } } }),
      auditCreate(this.db, audit, now),
    ]);
  }
}
