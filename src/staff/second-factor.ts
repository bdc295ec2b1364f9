import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../storage/database.ts';
import { isSealed, type SecretBox } from '../shared/secret-box.ts';
import { auditCreate } from '../storage/prisma-audit-rows.ts';
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

/**
 * A staff member's optional second factor (TOTP), required of admins when the deployment says so
 * (STAFF_TOTP_REQUIRED_FOR_ADMINS). Enrolment shows a new secret once and takes effect only when a
 * code from the app proves it was stored; it then hands out recovery codes, also shown once.
 */
export class SecondFactor {
  /** `secrets` seals the TOTP keys as stored: the database alone yields no second factor. */
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  /** A new secret for the account, not in force until confirmed; any earlier unconfirmed one is replaced. */
  async begin(userId: string): Promise<{ secret: string; uri: string }> {
    const secret = newTotpSecret();
    const user = await this.db.staffUser.update({ where: { id: userId }, data: { totpPendingSecret: this.secrets.seal(secret) }, select: { email: true } });
    return { secret, uri: otpauthUri(totpIssuer, user.email, secret) };
  }

  /**
   * A code from the app for the pending secret switches the factor on (replacing any earlier one)
   * and returns the new recovery codes, in clear this once. The account's other sessions end: one
   * signed in without the factor should not outlive its setting up.
   */
  async confirm(userId: string, code: string, keepSessionToken: string, now: Date): Promise<string[]> {
    const user = await this.db.staffUser.findUnique({ where: { id: userId } });
    if (!user) throw new SecondFactorError('no such account', 'not_found');
    if (!user.totpPendingSecret) throw new SecondFactorError('no enrolment under way', 'no_enrolment');
    const step = verifyTotp(this.secrets.open(user.totpPendingSecret), code, now, null);
    if (step === null) throw new SecondFactorError('the code does not match the new key', 'wrong_code');
    const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id: userId }, data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step } }),
      this.db.staffRecoveryCode.deleteMany({ where: { userId } }),
      this.db.staffRecoveryCode.createMany({ data: codes.map((c) => ({ id: recoveryId(c), userId, createdAt: now })) }),
      this.db.staffSession.deleteMany({ where: { userId, id: { not: sessionId(keepSessionToken) } } }),
      auditCreate(this.db, { actor: user.email, action: 'staff.totp.enable', target: user.email }, now),
    ]);
    return codes;
  }

  /**
   * Checks a second factor at login: a code from the app (each step once), or an unused recovery
   * code (spent by this use). The conditional updates make two simultaneous uses of one code lose
   * cleanly: only one of them changes the row.
   */
  async verify(userId: string, typed: string, now: Date): Promise<SecondFactorProof | null> {
    const user = await this.db.staffUser.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
    if (!user?.totpSecret) return null;
    const secret = this.secrets.open(user.totpSecret);
    const step = verifyTotp(secret, typed, now, user.totpLastStep);
    if (step !== null) {
      // A key stored before keys were sealed is sealed at its first use.
      const reseal = isSealed(user.totpSecret) ? {} : { totpSecret: this.secrets.seal(secret) };
      const moved = await this.db.staffUser.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step, ...reseal } });
      return moved.count > 0 ? 'totp' : null;
    }
    if (!/^[A-Za-z2-7]{5}-?[A-Za-z2-7]{5}$/.test(typed.trim())) return null;
    const spent = await this.db.staffRecoveryCode.updateMany({ where: { id: recoveryId(typed.trim()), userId, usedAt: null }, data: { usedAt: now } });
    return spent.count > 0 ? 'recovery' : null;
  }

  /** The enrolment under way, to show again after a wrong code: its key and otpauth link, or null. */
  async pending(userId: string): Promise<{ secret: string; uri: string } | null> {
    const user = await this.db.staffUser.findUnique({ where: { id: userId }, select: { email: true, totpPendingSecret: true } });
    if (!user?.totpPendingSecret) return null;
    const secret = this.secrets.open(user.totpPendingSecret);
    return { secret, uri: otpauthUri(totpIssuer, user.email, secret) };
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    return this.db.staffRecoveryCode.count({ where: { userId, usedAt: null } });
  }

  /**
   * Switches the factor off: by its owner with a current code, or by an admin for someone who lost
   * their phone and recovery codes (`actor` differs), which also ends that account's sessions.
   */
  async remove(userId: string, actor: string, now: Date): Promise<void> {
    const user = await this.db.staffUser.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new SecondFactorError('no such account', 'not_found');
    const byAdmin = actor !== user.email;
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } }),
      this.db.staffRecoveryCode.deleteMany({ where: { userId } }),
      ...(byAdmin ? [this.db.staffSession.deleteMany({ where: { userId } })] : []),
      auditCreate(this.db, { actor, action: byAdmin ? 'staff.totp.reset' : 'staff.totp.disable', target: user.email }, now),
    ]);
  }
}
