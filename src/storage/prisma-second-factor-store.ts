import type { AuditInput } from '../shared/audit-log.ts';
import type { SecondFactorStore, StoredFactor } from '../staff/second-factor.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

/** The TOTP columns of StaffUser and the StaffRecoveryCode table. */
export class PrismaSecondFactorStore implements SecondFactorStore {
  constructor(private readonly db: Db) {}

  async factor(userId: string): Promise<StoredFactor | null> {
    const row = await this.db.staffUser.findUnique({ where: { id: userId }, select: { email: true, totpSecret: true, totpPendingSecret: true, totpLastStep: true } });
    return row ? { email: row.email, secret: row.totpSecret, pendingSecret: row.totpPendingSecret, lastStep: row.totpLastStep } : null;
  }

  setPending(userId: string, sealedSecret: string): Promise<{ email: string }> {
    return this.db.staffUser.update({ where: { id: userId }, data: { totpPendingSecret: sealedSecret }, select: { email: true } });
  }

  async enable(userId: string, change: { secret: string; step: number; recoveryIds: readonly string[]; keepSessionId: string }, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id: userId }, data: { totpSecret: change.secret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: change.step } }),
      this.db.staffRecoveryCode.deleteMany({ where: { userId } }),
      this.db.staffRecoveryCode.createMany({ data: change.recoveryIds.map((id) => ({ id, userId, createdAt: now })) }),
      this.db.staffSession.deleteMany({ where: { userId, id: { not: change.keepSessionId } } }),
      auditCreate(this.db, audit, now),
    ]);
  }

  async advanceStep(userId: string, step: number, reseal: string | null): Promise<boolean> {
    const moved = await this.db.staffUser.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step, ...(reseal === null ? {} : { totpSecret: reseal }) },
    });
    return moved.count > 0;
  }

  async spendRecoveryCode(id: string, userId: string, now: Date): Promise<boolean> {
    const spent = await this.db.staffRecoveryCode.updateMany({ where: { id, userId, usedAt: null }, data: { usedAt: now } });
    return spent.count > 0;
  }

  unusedRecoveryCodes(userId: string): Promise<number> {
    return this.db.staffRecoveryCode.count({ where: { userId, usedAt: null } });
  }

  async disable(userId: string, endSessions: boolean, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } }),
      this.db.staffRecoveryCode.deleteMany({ where: { userId } }),
      ...(endSessions ? [this.db.staffSession.deleteMany({ where: { userId } })] : []),
      auditCreate(this.db, audit, now),
    ]);
  }
}
