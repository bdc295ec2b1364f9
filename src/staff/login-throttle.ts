import type { Db } from '../storage/database.ts';

export interface ThrottlePolicy {
  /** Failures allowed for one e-mail from one address within the window. */
  readonly perEmailAndIp: number;
  /** Failures allowed from one address over all e-mails (password spraying). */
  readonly perIp: number;
  readonly windowMs: number;
}

export const defaultThrottle: ThrottlePolicy = { perEmailAndIp: 5, perIp: 30, windowMs: 15 * 60_000 };

export interface ThrottleVerdict {
  readonly allowed: boolean;
  /** When the oldest counted failure leaves the window. */
  readonly retryAt: Date | null;
}

/** Counts failed logins in the LoginAttempt table, so limits hold across restarts and processes. */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy = defaultThrottle,
  ) {}

  async check(email: string, ip: string, now: Date): Promise<ThrottleVerdict> {
    const since = new Date(now.getTime() - this.policy.windowMs);
    const [pair, fromIp] = await Promise.all([
      this.db.loginAttempt.findMany({ where: { email, ip, success: false, createdAt: { gt: since } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
      this.db.loginAttempt.findMany({ where: { ip, success: false, createdAt: { gt: since } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    ]);
    const blockedBy = pair.length >= this.policy.perEmailAndIp ? pair : fromIp.length >= this.policy.perIp ? fromIp : null;
    if (!blockedBy) return { allowed: true, retryAt: null };
    const oldest = blockedBy[blockedBy.length - (blockedBy === pair ? this.policy.perEmailAndIp : this.policy.perIp)]!;
    return { allowed: false, retryAt: new Date(oldest.createdAt.getTime() + this.policy.windowMs) };
  }

  async record(email: string, ip: string, success: boolean, now: Date): Promise<void> {
    await this.db.loginAttempt.create({ data: { email, ip, success, createdAt: now } });
    // A success clears the pair's failures: a user who finally typed it right starts afresh.
    if (success) await this.db.loginAttempt.deleteMany({ where: { email, ip, success: false } });
  }
}
