import type { AuditInput } from '../shared/audit-log.ts';

export interface ThrottlePolicy {
  /** Attempts allowed for one e-mail from one address within the window. */
  readonly perEmailAndIp: number;
  /** Attempts allowed from one address over all e-mails (password spraying, one NAT). */
  readonly perIp: number;
  /** Attempts allowed on one account from all addresses together, except from its recognised devices. */
  readonly perAccount: number;
  readonly windowMs: number;
}

export const defaultThrottle: ThrottlePolicy = { perEmailAndIp: 5, perIp: 30, perAccount: 20, windowMs: 15 * 60_000 };

export type Admission =
  | { readonly allowed: true; readonly attemptId: string }
  | {
      readonly allowed: false;
      /** When the oldest counted attempt leaves the window. */
      readonly retryAt: Date;
      /** The first refusal of this e-mail and address in the window: worth one audit line, not one per request. */
      readonly firstRefusal: boolean;
    };

/**
 * Failed attempts counted since an instant: those matching every given field. `cleared: false`
 * leaves out attempts an admin cleared; `throttled: true` counts only refused ones.
 */
export interface AttemptFilter {
  readonly since: Date;
  readonly email?: string;
  readonly ip?: string;
  readonly knownDevice?: boolean;
  readonly cleared?: false;
  readonly throttled?: true;
}

/** The LoginAttempt table (src/storage/prisma-login-attempts.ts). */
export interface LoginAttemptStore {
  /** Writes a failed attempt, committed before it is counted; returns its id. */
  record(attempt: { email: string; ip: string; knownDevice: boolean }, now: Date): Promise<string>;
  /** Failed attempts after `since` matching the filter. */
  count(filter: AttemptFilter): Promise<number>;
  /** When the newest `take` of them were made, newest first. */
  newest(filter: AttemptFilter, take: number): Promise<Date[]>;
  markThrottled(id: string): Promise<void>;
  /** Clears the e-mail's failed attempts, with the audit line, in one transaction; returns how many. */
  clear(email: string, audit: AuditInput, now: Date): Promise<number>;
  /** The attempt succeeded: it is marked so, and the pair's failures deleted. */
  succeed(id: string, email: string, ip: string): Promise<void>;
}

/**
 * Login limits that cannot be raced: each attempt is written to the LoginAttempt table first and
 * only then counted, so of any number of simultaneous requests at most the limit see a count within
 * it (each counts at least itself and every attempt committed before it). Limits hold across
 * restarts and processes.
 *
 * A stranger must not be able to lock the real person out. A recognised device of the account (a
 * browser that signed in to it before) is held back only by the e-mail-and-address limit counted
 * over recognised devices: the per-address limit (an office NAT, a proxy), the per-account limit
 * (guesses from many addresses) and strangers' own pair limit stop unknown browsers only. An
 * attacker would need the device's cookie, which is as secret as a session's.
 */
export class LoginThrottle {
  constructor(
    private readonly attempts: LoginAttemptStore,
    private readonly policy: ThrottlePolicy = defaultThrottle,
  ) {}

  async admit(email: string, ip: string, knownDevice: boolean, now: Date): Promise<Admission> {
    const attemptId = await this.attempts.record({ email, ip, knownDevice }, now);
    const since = new Date(now.getTime() - this.policy.windowMs);
    // Known devices and strangers are counted apart: guesses from unknown browsers never hold back a
    // recognised one, even at the same address.
    // Attempts an admin cleared (unlock) no longer count against the e-mail; the address's own
    // limit still counts them, since they did come from there.
    const checks: Array<{ filter: AttemptFilter; limit: number }> = [{ filter: { since, email, ip, knownDevice, cleared: false }, limit: this.policy.perEmailAndIp }];
    if (!knownDevice) {
      checks.push({ filter: { since, ip, knownDevice: false }, limit: this.policy.perIp });
      checks.push({ filter: { since, email, knownDevice: false, cleared: false }, limit: this.policy.perAccount });
    }
    for (const check of checks) {
      const count = await this.attempts.count(check.filter);
      if (count <= check.limit) continue;
      // The attempt that brings the count back within the limit leaves the window at retryAt.
      const times = await this.attempts.newest(check.filter, check.limit);
      const retryAt = new Date((times.at(-1) ?? now).getTime() + this.policy.windowMs);
      const earlier = await this.attempts.count({ since, email, ip, throttled: true });
      await this.attempts.markThrottled(attemptId);
      return { allowed: false, retryAt, firstRefusal: earlier === 0 };
    }
    return { allowed: true, attemptId };
  }

  /**
   * Whether an unknown browser would be refused for this account now: its own limit over all
   * addresses is used up (a stranger guessing from many places). The accounts page shows it beside
   * the unlock button.
   */
  async lockedOut(email: string, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - this.policy.windowMs);
    const count = await this.attempts.count({ since, email, knownDevice: false, cleared: false });
    return count >= this.policy.perAccount;
  }

  /**
   * An admin's unlock: the failed attempts on this e-mail so far stop counting against it, so the
   * real person can sign in from any browser at once instead of waiting for the window to pass. The
   * attempts stay on record (and an address flooding the office stays limited by its own count).
   */
  async unlock(email: string, actor: string, now: Date): Promise<number> {
    return this.attempts.clear(email, { actor, action: 'staff.unlock', target: email }, now);
  }

  /** The password was checked: a success clears the pair's failures, so the person starts afresh. */
  async settle(attemptId: string, email: string, ip: string, success: boolean): Promise<void> {
    if (!success) return;
    await this.attempts.succeed(attemptId, email, ip);
  }
}
