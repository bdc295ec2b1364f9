import { createHash, randomBytes } from 'node:crypto';
import { isSealed, type SecretBox } from '../shared/secret-box.ts';
import type { AuditInput } from '../shared/audit-log.ts';
import { sessionId } from './staff-sessions.ts';
import { base32Encode, newTotpSecret, otpauthUri, verifyTotp } from './totp.ts';

/** Shown in the authenticator app beside the account's e-mail. */
export const totpIssuer = 'BVNTD Console';
export const recoveryCodeCount = 10;

export class SecondFactorError extends Error {
  override readonly name = 'SecondFactorError';
  constructor(
    message: string,
    readonly code: 'not_found' | 'no_enrolment' | 'wrong_code',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How a second factor was given: a code from the app, or one of the recovery codes (now spent). */
export type SecondFactorProof = 'totp' | 'recovery';

// 10 base32 characters: 50 random bits, typed as "ABCDE-FGHIJ". With that much entropy a plain
// SHA-256 is enough to keep them (a slow hash guards guessable secrets, not random ones).
function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(7)).slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

function recoveryId(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[^A-Z2-7]/g, '')).digest('base64url');
}

/** An account's second-factor columns, keys as stored (sealed). */
export interface StoredFactor {
  readonly email: string;
  readonly secret: string | null;
  readonly pendingSecret: string | null;
  readonly lastStep: number | null;
}

/** The TOTP columns of StaffUser and the StaffRecoveryCode table (src/storage/prisma-second-factor-store.ts). */
export interface SecondFactorStore {
  factor(userId: string): Promise<StoredFactor | null>;
  /** Replaces any unconfirmed key; returns the account's e-mail. */
  setPending(userId: string, sealedSecret: string): Promise<{ email: string }>;
  /**
   * In one transaction: the key in force, the recovery codes replaced, the account's sessions but
   * `keepSessionId` ended, the audit line.
   */
  enable(userId: string, change: { secret: string; step: number; recoveryIds: readonly string[]; keepSessionId: string }, audit: AuditInput, now: Date): Promise<void>;
  /** Moves the last used step on, only if `step` is later (two uses of one code: one wins); `reseal` replaces the stored key. */
  advanceStep(userId: string, step: number, reseal: string | null): Promise<boolean>;
  /** Spends an unused recovery code of the account; false when there was none. */
  spendRecoveryCode(id: string, userId: string, now: Date): Promise<boolean>;
  unusedRecoveryCodes(userId: string): Promise<number>;
  /** Key and codes removed with the audit line, and the account's sessions ended when `endSessions`. */
  disable(userId: string, endSessions: boolean, audit: AuditInput, now: Date): Promise<void>;
}

/**
 * A staff member's optional second factor (TOTP), required of admins when the deployment says so
 * (STAFF_TOTP_REQUIRED_FOR_ADMINS). Enrolment shows a new secret once and takes effect only when a
 * code from the app proves it was stored; it then hands out recovery codes, also shown once.
 */
export class SecondFactor {
  /** `secrets` seals the TOTP keys as stored: the database alone yields no second factor. */
  constructor(
    private readonly store: SecondFactorStore,
    private readonly secrets: SecretBox,
  ) {}

  /** A new secret for the account, not in force until confirmed; any earlier unconfirmed one is replaced. */
  async begin(userId: string): Promise<{ secret: string; uri: string }> {
    const secret = newTotpSecret();
    const user = await this.store.setPending(userId, this.secrets.seal(secret));
    return { secret, uri: otpauthUri(totpIssuer, user.email, secret) };
  }

  /**
   * A code from the app for the pending secret switches the factor on (replacing any earlier one)
   * and returns the new recovery codes, in clear this once. The account's other sessions end: one
   * signed in without the factor should not outlive its setting up.
   */
  async confirm(userId: string, code: string, keepSessionToken: string, now: Date): Promise<string[]> {
    const user = await this.store.factor(userId);
    if (!user) throw new SecondFactorError('no such account', 'not_found');
    if (!user.pendingSecret) throw new SecondFactorError('no enrolment under way', 'no_enrolment');
    const step = verifyTotp(this.secrets.open(user.pendingSecret), code, now, null);
    if (step === null) throw new SecondFactorError('the code does not match the new key', 'wrong_code');
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await this.store.enable(
      userId,
      { secret: user.pendingSecret, step, recoveryIds: codes.map(recoveryId), keepSessionId: sessionId(keepSessionToken) },
      { actor: user.email, action: 'staff.totp.enable', target: user.email },
      now,
    );
    return codes;
  }

  /**
   * Checks a second factor at login: a code from the app (each step once), or an unused recovery
   * code (spent by this use). The conditional updates make two simultaneous uses of one code lose
   * cleanly: only one of them changes the row.
   */
  async verify(userId: string, typed: string, now: Date): Promise<SecondFactorProof | null> {
    const user = await this.store.factor(userId);
    if (!user?.secret) return null;
    const secret = this.secrets.open(user.secret);
    const step = verifyTotp(secret, typed, now, user.lastStep);
    if (step !== null) {
      // A key stored before keys were sealed is sealed at its first use.
      const reseal = isSealed(user.secret) ? null : this.secrets.seal(secret);
      return (await this.store.advanceStep(userId, step, reseal)) ? 'totp' : null;
    }
    if (!/^[A-Za-z2-7]{5}-?[A-Za-z2-7]{5}$/.test(typed.trim())) return null;
    return (await this.store.spendRecoveryCode(recoveryId(typed.trim()), userId, now)) ? 'recovery' : null;
  }

  /** The enrolment under way, to show again after a wrong code: its key and otpauth link, or null. */
  async pending(userId: string): Promise<{ secret: string; uri: string } | null> {
    const user = await this.store.factor(userId);
    if (!user?.pendingSecret) return null;
    const secret = this.secrets.open(user.pendingSecret);
    return { secret, uri: otpauthUri(totpIssuer, user.email, secret) };
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    return this.store.unusedRecoveryCodes(userId);
  }

  /**
   * Switches the factor off: by its owner with a current code, or by an admin for someone who lost
   * their phone and recovery codes (`actor` differs), which also ends that account's sessions.
   */
  async remove(userId: string, actor: string, now: Date): Promise<void> {
    const user = await this.store.factor(userId);
    if (!user) throw new SecondFactorError('no such account', 'not_found');
    const byAdmin = actor !== user.email;
    await this.store.disable(userId, byAdmin, { actor, action: byAdmin ? 'staff.totp.reset' : 'staff.totp.disable', target: user.email }, now);
  }
}
