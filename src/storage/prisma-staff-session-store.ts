import type { AuditInput } from '../shared/audit-log.ts';
import type { StaffCredentials, StaffSessionStore, StoredSession } from '../staff/staff-sessions.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

const credentials = { id: true, email: true, role: true, active: true, createdAt: true, totpEnabledAt: true, passwordHash: true } as const;

/** Staff sessions (StaffSession), recognised devices (StaffDevice) and the login audit lines. */
export class PrismaStaffSessionStore implements StaffSessionStore {
  constructor(private readonly db: Db) {}

  credentials(email: string): Promise<StaffCredentials | null> {
    return this.db.staffUser.findUnique({ where: { email }, select: credentials });
  }

  session(id: string): Promise<(StoredSession & { readonly user: StaffCredentials }) | null> {
    return this.db.staffSession.findUnique({
      where: { id },
      select: { id: true, userId: true, csrfToken: true, createdAt: true, lastSeenAt: true, expiresAt: true, secondFactorPending: true, user: { select: credentials } },
    });
  }

  async addPending(session: StoredSession): Promise<void> {
    await this.db.staffSession.create({ data: session });
  }

  async open(session: StoredSession, idleBefore: Date, audit: AuditInput, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.staffSession.create({ data: session }),
      this.db.staffSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: idleBefore } }] } }),
      auditCreate(this.db, audit, now),
    ]);
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.staffSession.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }

  async end(id: string, audit: AuditInput | null, now: Date): Promise<void> {
    await this.db.$transaction([this.db.staffSession.deleteMany({ where: { id } }), ...(audit ? [auditCreate(this.db, audit, now)] : [])]);
  }

  async knownDevice(deviceId: string, email: string): Promise<string | null> {
    return (await this.db.staffDevice.findFirst({ where: { id: deviceId, user: { email } }, select: { id: true } }))?.id ?? null;
  }

  async touchDevice(deviceId: string, now: Date): Promise<void> {
    await this.db.staffDevice.update({ where: { id: deviceId }, data: { lastSeenAt: now } });
  }

  async addDevice(deviceId: string, userId: string, now: Date): Promise<void> {
    await this.db.staffDevice.create({ data: { id: deviceId, userId, createdAt: now, lastSeenAt: now } });
  }

  async audit(entry: AuditInput, now: Date): Promise<void> {
    await auditCreate(this.db, entry, now);
  }
}
