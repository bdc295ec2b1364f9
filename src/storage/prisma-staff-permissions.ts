import { auditCreate } from './prisma-audit-rows.ts';
import type { StaffPermissions } from '../warnings/warning-permissions.ts';
import type { Db } from './database.ts';

/** Permissions beyond the role, each grant and revocation audited with the account it concerns. */
export class PrismaStaffPermissions implements StaffPermissions {
  constructor(private readonly db: Db) {}

  async has(userId: string, permission: string): Promise<boolean> {
    return (await this.db.staffPermission.findUnique({ where: { userId_permission: { userId, permission } } })) !== null;
  }

  async holders(permission: string): Promise<string[]> {
    return (await this.db.staffPermission.findMany({ where: { permission }, select: { userId: true } })).map((r) => r.userId);
  }

  async grant(userId: string, permission: string, actor: string, now: Date): Promise<void> {
    const user = await this.db.staffUser.findUniqueOrThrow({ where: { id: userId } });
    await this.db.$transaction([
      this.db.staffPermission.upsert({ where: { userId_permission: { userId, permission } }, create: { userId, permission, grantedBy: actor, createdAt: now }, update: {} }),
      auditCreate(this.db, { actor, action: 'staff.permission.grant', target: user.email, detail: { permission } }, now),
    ]);
  }

  async revoke(userId: string, permission: string, actor: string, now: Date): Promise<void> {
    const user = await this.db.staffUser.findUniqueOrThrow({ where: { id: userId } });
    await this.db.$transaction([
      this.db.staffPermission.deleteMany({ where: { userId, permission } }),
      auditCreate(this.db, { actor, action: 'staff.permission.revoke', target: user.email, detail: { permission } }, now),
    ]);
  }
}
