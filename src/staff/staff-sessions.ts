import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../storage/database.ts';
import { auditWrite } from './audit-log.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { toStaffUser, type StaffUser } from './staff-accounts.ts';

/** A working day and then some; staff log in again each morning. */
export const sessionLifetimeMs = 12 * 60 * 60_000;

export interface StaffSession {
  readonly user: StaffUser;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly session: StaffSession }
  | { readonly ok: false; readonly reason: 'invalid' | 'throttled'; readonly retryAt?: Date };

// The cookie carries a random token; the table keeps only its hash, so a copy of the database cannot
// be used to take over a session.
function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export class StaffSessions {
  constructor(
    private readonly db: Db,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(rawEmail: string, password: string, ip: string, now: Date): Promise<LoginResult> {
    const email = rawEmail.trim().toLowerCase().slice(0, 320);
    const verdict = await this.throttle.check(email, ip, now);
    if (!verdict.allowed) {
      await auditWrite(this.db, { actor: email, action: 'staff.login.throttled', detail: { ip } }, now);
      return { ok: false, reason: 'throttled', ...(verdict.retryAt ? { retryAt: verdict.retryAt } : {}) };
    }
    const row = await this.db.staffUser.findUnique({ where: { email } });
    const matches = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
    if (!row || !row.active || !matches) {
      await this.throttle.record(email, ip, false, now);
      await auditWrite(this.db, { actor: email, action: 'staff.login.failed', detail: { ip } }, now);
      return { ok: false, reason: 'invalid' };
    }
    await this.throttle.record(email, ip, true, now);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await this.db.$transaction([
      this.db.staffSession.create({ data: { id: sessionId(token), userId: row.id, csrfToken, createdAt: now, expiresAt } }),
      // Expired sessions are swept on every login rather than by a timer nobody watches.
      this.db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } }),
      auditWrite(this.db, { actor: email, action: 'staff.login', detail: { ip } }, now),
    ]);
    return { ok: true, token, session: { user: toStaffUser(row), csrfToken, expiresAt } };
  }

  async lookup(token: string, now: Date): Promise<StaffSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = await this.db.staffSession.findUnique({ where: { id: sessionId(token) }, include: { user: true } });
    if (!row || row.expiresAt <= now || !row.user.active) return null;
    return { user: toStaffUser(row.user), csrfToken: row.csrfToken, expiresAt: row.expiresAt };
  }

  async logout(token: string, actor: string, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.staffSession.deleteMany({ where: { id: sessionId(token) } }),
      auditWrite(this.db, { actor, action: 'staff.logout' }, now),
    ]);
  }
}
