import { z } from 'zod';
import type { AuditInput } from '../shared/audit-log.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';

export const staffRoles = ['admin', 'agent'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffUser {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly active: boolean;
  readonly createdAt: Date;
  /** A second factor (TOTP) is switched on. */
  readonly secondFactor: boolean;
}

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email());
/** The policy of password-policy.ts; the issue's message is the problem's code (callers translate it). */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { problem } });
});
export const newStaffSchema = z.object({ email: emailSchema, password: passwordSchema, role: z.enum(staffRoles) });
export type NewStaff = z.infer<typeof newStaffSchema>;

export class StaffAccountError extends Error {
  override readonly name = 'StaffAccountError';
  constructor(
    message: string,
    readonly code: 'exists' | 'not_found' | 'last_admin',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An account as stored (src/storage/prisma-staff-accounts.ts). */
export interface StaffAccountRecord {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly totpEnabledAt: Date | null;
}

/**
 * Where accounts are kept. Each change is one transaction with its audit line; a change that ends
 * sessions (deactivation, a new password) ends them in the same transaction.
 */
export interface StaffAccountStore {
  byEmail(email: string): Promise<StaffAccountRecord | null>;
  byId(id: string): Promise<StaffAccountRecord | null>;
  /** Every account, by e-mail. */
  list(): Promise<StaffAccountRecord[]>;
  activeAdmins(): Promise<number>;
  insert(account: { email: string; passwordHash: string; role: StaffRole }, audit: AuditInput, now: Date): Promise<StaffAccountRecord>;
  /** Deactivating also ends the account's sessions. */
  setActive(id: string, active: boolean, audit: AuditInput, now: Date): Promise<void>;
  /** The new hash, and the account's sessions ended, except `keepSessionId` when given. */
  setPasswordHash(id: string, passwordHash: string, keepSessionId: string | null, audit: AuditInput, now: Date): Promise<void>;
}

export function toStaffUser(row: Omit<StaffAccountRecord, 'role'> & { readonly role: string }): StaffUser {
  return { id: row.id, email: row.email, role: row.role === 'admin' ? 'admin' : 'agent', active: row.active, createdAt: row.createdAt, secondFactor: row.totpEnabledAt !== null };
}

/** Staff accounts: created by the CLI or an admin, never deleted (the audit log names them), only deactivated. */
export class StaffAccounts {
  constructor(private readonly store: StaffAccountStore) {}

  async create(input: NewStaff, actor: string, now: Date): Promise<StaffUser> {
    const data = newStaffSchema.parse(input);
    if (await this.store.byEmail(data.email)) {
      throw new StaffAccountError(`a staff account for ${data.email} already exists`, 'exists');
    }
    const passwordHash = await hashPassword(data.password);
    const row = await this.store.insert({ email: data.email, passwordHash, role: data.role }, { actor, action: 'staff.create', target: data.email, detail: { role: data.role } }, now);
    return toStaffUser(row);
  }

  async list(): Promise<StaffUser[]> {
    return (await this.store.list()).map(toStaffUser);
  }

  async find(id: string): Promise<StaffUser | null> {
    const row = await this.store.byId(id);
    return row ? toStaffUser(row) : null;
  }

  /** When the account's second factor was switched on, or null while it is off. */
  async secondFactorSince(id: string): Promise<Date | null> {
    const row = await this.store.byId(id);
    if (!row) throw new StaffAccountError(`staff account ${id} does not exist`, 'not_found');
    return row.totpEnabledAt;
  }

  async setActive(id: string, active: boolean, actor: string, now: Date): Promise<void> {
    const user = await this.store.byId(id);
    if (!user) throw new StaffAccountError(`staff account ${id} does not exist`, 'not_found');
    if (!active && user.role === 'admin' && (await this.store.activeAdmins()) <= 1) {
      throw new StaffAccountError('the last active admin cannot be deactivated', 'last_admin');
    }
    // A deactivated account loses its open sessions at once (the store ends them with the change).
    await this.store.setActive(id, active, { actor, action: active ? 'staff.activate' : 'staff.deactivate', target: user.email }, now);
  }

  async resetPassword(id: string, password: string, actor: string, now: Date): Promise<void> {
    const user = await this.store.byId(id);
    if (!user) throw new StaffAccountError(`staff account ${id} does not exist`, 'not_found');
    const passwordHash = await hashPassword(passwordSchema.parse(password));
    await this.store.setPasswordHash(id, passwordHash, null, { actor, action: 'staff.password', target: user.email }, now);
  }
}
