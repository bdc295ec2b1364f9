import { createHash, randomBytes } from 'node:crypto';
import type { AuditInput } from '../shared/audit-log.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { passwordProblem, type PasswordProblem } from './password-policy.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { SecondFactor, SecondFactorProof } from './second-factor.ts';
import { toStaffUser, type StaffAccountRecord, type StaffAccountStore, type StaffUser } from './staff-accounts.ts';

/** A working day and then some; staff log in again each morning. */
export const sessionLifetimeMs = 12 * 60 * 60_000;
/** A console left alone this long (a laptop left open, then lost or borrowed) asks for the password again. */
export const sessionIdleMs = 30 * 60_000;
// Last-seen is written at most once a minute, not on every request: the idle limit holds to the minute.
const touchEveryMs = 60_000;

export interface StaffSession {
  readonly user: StaffUser;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export type LoginResult =
  /** `deviceToken`: this browser's recognised-device token, to keep in its cookie. */
  | { readonly ok: true; readonly token: string; readonly session: StaffSession; readonly deviceToken: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'throttled'; readonly retryAt?: Date }
  /** The password was right; the account's second factor must follow, with `pendingToken` (5 minutes). */
  | { readonly ok: false; readonly reason: 'second_factor'; readonly pendingToken: string };

/** How long the code form after a right password stays good. */
export const secondFactorWindowMs = 5 * 60_000;

/** Why a cookie no longer opens the console: the login page says so when it was idleness. */
export type SessionLookup = { readonly ok: true; readonly session: StaffSession } | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'idle' };

export type PasswordChangeResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'wrong_current' | 'mismatch' | 'unchanged' | PasswordProblem }
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAt?: Date };

// The cookie carries a random token; the table keeps only its hash, so a copy of the database cannot
// be used to take over a session.
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** An account with its password hash, for the login check. */
export interface StaffCredentials extends StaffAccountRecord {
  readonly passwordHash: string;
}

/** A session row: `id` is the hash of the cookie's token (sessionId). */
export interface StoredSession {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  /** A login waiting for its second factor: it opens nothing. */
  readonly secondFactorPending: boolean;
}

/** Sessions, recognised devices and the login audit lines (src/storage/prisma-staff-session-store.ts). */
export interface StaffSessionStore {
  credentials(email: string): Promise<StaffCredentials | null>;
  session(id: string): Promise<(StoredSession & { readonly user: StaffCredentials }) | null>;
  /** A login waiting for its second factor. */
  addPending(session: StoredSession): Promise<void>;
  /**
   * In one transaction: the new session, the sweep of sessions expired before `now` or idle since
   * `idleBefore`, and the audit line.
   */
  open(session: StoredSession, idleBefore: Date, audit: AuditInput, now: Date): Promise<void>;
  /** Last seen moved on. */
  touch(id: string, now: Date): Promise<void>;
  /** Ends the session; with `audit`, in one transaction with its line. */
  end(id: string, audit: AuditInput | null, now: Date): Promise<void>;
  /** The device's id when it is one of the account's recognised devices. */
  knownDevice(deviceId: string, email: string): Promise<string | null>;
  touchDevice(deviceId: string, now: Date): Promise<void>;
  addDevice(deviceId: string, userId: string, now: Date): Promise<void>;
  audit(entry: AuditInput, now: Date): Promise<void>;
}

export class StaffSessions {
  constructor(
    private readonly store: StaffSessionStore,
    private readonly accounts: Pick<StaffAccountStore, 'setPasswordHash'>,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * `device` is the recognised-device token the browser holds, if any: a device that signed in to
   * this account before is not held back by limits a stranger's guesses trigger (login-throttle.ts).
   */
  async login(rawEmail: string, password: string, ip: string, now: Date, device: string | null = null): Promise<LoginResult> {
    const email = rawEmail.trim().toLowerCase().slice(0, 320);
    const known = await this.knownDevice(email, device);
    const admission = await this.admit(email, ip, known !== null, now);
    if (!admission.allowed) return admission.refusal;
    const row = await this.store.credentials(email);
    const matches = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
    if (!row || !row.active || !matches) {
      await this.store.audit({ actor: email, action: 'staff.login.failed', detail: { ip } }, now);
      return { ok: false, reason: 'invalid' };
    }
    if (row.totpEnabledAt) {
      // The attempt stays counted as a failure until the code is right too: a known password must
      // not reset the limits the code guesses are counted against.
      const pendingToken = randomBytes(32).toString('base64url');
      await this.store.addPending({ id: sessionId(pendingToken), userId: row.id, csrfToken: randomBytes(32).toString('base64url'), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + secondFactorWindowMs), secondFactorPending: true });
      return { ok: false, reason: 'second_factor', pendingToken };
    }
    return this.open(row, admission.attemptId, ip, now, known, device, 'password');
  }

  /**
   * The second step of a login with a second factor: a code from the app or a recovery code, under
   * the same throttle as passwords (each code guess is an attempt, counted before it is checked).
   */
  async completeSecondFactor(pendingToken: string, code: string, ip: string, now: Date, device: string | null, factor: SecondFactor): Promise<LoginResult> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(pendingToken)) return { ok: false, reason: 'invalid' };
    const pending = await this.store.session(sessionId(pendingToken));
    if (!pending || !pending.secondFactorPending || pending.expiresAt <= now || !pending.user.active) return { ok: false, reason: 'invalid' };
    const { email } = pending.user;
    const known = await this.knownDevice(email, device);
    const admission = await this.admit(email, ip, known !== null, now);
    if (!admission.allowed) return admission.refusal;
    const proof = await factor.verify(pending.userId, code, now);
    if (!proof) {
      await this.store.audit({ actor: email, action: 'staff.login.failed', detail: { ip, step: 'second_factor' } }, now);
      return { ok: false, reason: 'second_factor', pendingToken };
    }
    await this.store.end(pending.id, null, now);
    return this.open(pending.user, admission.attemptId, ip, now, known, device, proof);
  }

  private async knownDevice(email: string, device: string | null): Promise<string | null> {
    return device ? this.store.knownDevice(sessionId(device), email) : null;
  }

  private async admit(email: string, ip: string, knownDevice: boolean, now: Date): Promise<{ allowed: true; attemptId: string } | { allowed: false; refusal: LoginResult }> {
    const admission = await this.throttle.admit(email, ip, knownDevice, now);
    if (admission.allowed) return admission;
    // One line per e-mail and address and window: a flood of refused attempts cannot fill the log.
    if (admission.firstRefusal) await this.store.audit({ actor: email, action: 'staff.login.throttled', detail: { ip } }, now);
    return { allowed: false, refusal: { ok: false, reason: 'throttled', retryAt: admission.retryAt } };
  }

  /** Everything checked: the session, the recognised device, the audit line. */
  private async open(
    row: StaffAccountRecord,
    attemptId: string,
    ip: string,
    now: Date,
    known: string | null,
    device: string | null,
    proof: 'password' | SecondFactorProof,
  ): Promise<LoginResult> {
    const { email } = row;
    await this.throttle.settle(attemptId, email, ip, true);
    const deviceToken = known && device ? device : randomBytes(32).toString('base64url');
    if (known) await this.store.touchDevice(known, now);
    else await this.store.addDevice(sessionId(deviceToken), row.id, now);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    // Expired and idle sessions are swept on every login rather than by a timer nobody watches.
    await this.store.open(
      { id: sessionId(token), userId: row.id, csrfToken, createdAt: now, expiresAt, lastSeenAt: now, secondFactorPending: false },
      new Date(now.getTime() - sessionIdleMs),
      { actor: email, action: 'staff.login', detail: proof === 'password' ? { ip } : { ip, secondFactor: proof } },
      now,
    );
    return { ok: true, token, deviceToken, session: { user: toStaffUser(row), csrfToken, expiresAt } };
  }

  async lookup(token: string, now: Date): Promise<StaffSession | null> {
    const found = await this.resolve(token, now, { active: true });
    return found.ok ? found.session : null;
  }

  /**
   * The session a cookie names, if it is neither past its 12 hours nor idle for 30 minutes. `active`
   * says the request shows the person at work and moves last-seen on; the console's background polls
   * pass false, so an inbox left open on an unattended laptop still times out.
   */
  async resolve(token: string, now: Date, { active }: { active: boolean }): Promise<SessionLookup> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'unknown' };
    const id = sessionId(token);
    const row = await this.store.session(id);
    // A login waiting for its second factor opens nothing.
    if (!row || !row.user.active || row.secondFactorPending) return { ok: false, reason: 'unknown' };
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (now.getTime() - row.lastSeenAt.getTime() >= sessionIdleMs) {
      // Ended for good on the server: the cookie cannot be revived, even by a clock that goes back.
      await this.store.end(id, null, now);
      return { ok: false, reason: 'idle' };
    }
    if (active && now.getTime() - row.lastSeenAt.getTime() >= touchEveryMs) {
      await this.store.touch(id, now);
    }
    return { ok: true, session: { user: toStaffUser(row.user), csrfToken: row.csrfToken, expiresAt: row.expiresAt } };
  }

  async logout(token: string, actor: string, now: Date): Promise<void> {
    await this.store.end(sessionId(token), { actor, action: 'staff.logout' }, now);
  }

  /**
   * A signed-in person changes their own password. The current one is asked again (a session left open
   * is not enough) and a wrong one counts as a failed login for the throttle; the other sessions of the
   * account end, this one stays.
   */
  async changePassword(token: string, input: { current: string; next: string; repeat: string }, ip: string, now: Date): Promise<PasswordChangeResult> {
    const row = await this.store.session(sessionId(token));
    if (!row) return { ok: false, reason: 'wrong_current' };
    const { email } = row.user;
    // Signed in already: the session stands in for a recognised device.
    const admission = await this.throttle.admit(email, ip, true, now);
    if (!admission.allowed) return { ok: false, reason: 'throttled', retryAt: admission.retryAt };
    if (!(await verifyPassword(row.user.passwordHash, input.current))) {
      await this.store.audit({ actor: email, action: 'staff.password.change.failed', target: email, detail: { ip } }, now);
      return { ok: false, reason: 'wrong_current' };
    }
    await this.throttle.settle(admission.attemptId, email, ip, true);
    if (input.next !== input.repeat) return { ok: false, reason: 'mismatch' };
    const problem = passwordProblem(input.next);
    if (problem) return { ok: false, reason: problem };
    if (input.next === input.current) return { ok: false, reason: 'unchanged' };
    const passwordHash = await hashPassword(input.next);
    await this.accounts.setPasswordHash(row.userId, passwordHash, row.id, { actor: email, action: 'staff.password.change', target: email, detail: { ip } }, now);
    return { ok: true };
  }
}
