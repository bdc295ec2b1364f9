import type { AuditInput } from '../shared/audit-log.ts';
import type { AttemptFilter, LoginAttemptStore } from '../staff/login-throttle.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

/** Login attempts in the LoginAttempt table, counted by the throttle (src/staff/login-throttle.ts). */
export class PrismaLoginAttempts implements LoginAttemptStore {
  constructor(private readonly db: Db) {}

  async record(attempt: { email: string; ip: string; knownDevice: boolean }, now: Date): Promise<string> {
    return (await this.db.loginAttempt.create({ data: { ...attempt, success: false, createdAt: now }, select: { id: true } })).id;
  }

  count(filter: AttemptFilter): Promise<number> {
    return this.db.loginAttempt.count({ where: whereOf(filter) });
  }

  async newest(filter: AttemptFilter, take: number): Promise<Date[]> {
    const rows = await this.db.loginAttempt.findMany({ where: whereOf(filter), orderBy: { createdAt: 'desc' }, take, select: { createdAt: true } });
    return rows.map((r) => r.createdAt);
  }

  async markThrottled(id: string): Promise<void> {
    await this.db.loginAttempt.update({ where: { id }, data: { throttled: true } });
  }

  async clear(email: string, audit: AuditInput, now: Date): Promise<number> {
    const [cleared] = await this.db.$transaction([
      this.db.loginAttempt.updateMany({ where: { email, success: false, cleared: false }, data: { cleared: true } }),
      auditCreate(this.db, audit, now),
    ]);
    return cleared.count;
  }

  async succeed(id: string, email: string, ip: string): Promise<void> {
    await this.db.$transaction([
      this.db.loginAttempt.update({ where: { id }, data: { success: true } }),
      this.db.loginAttempt.deleteMany({ where: { email, ip, success: false } }),
    ]);
  }
}

function whereOf({ since, ...fields }: AttemptFilter) {
  return { success: false, createdAt: { gt: since }, ...fields };
}
