import { z } from 'zod';
import type { Db } from '../storage/database.ts';
import { auditCreate } from '../storage/prisma-audit-rows.ts';
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

type Row = { id: string; email: string; role: string; active: boolean; createdAt: Date; totpEnabledAt: Date | null };

export function toStaffUser(row: Row): StaffUser {
  return { id: row.id, email: row.email, role: row.role === 'admin' ? 'admin' : 'agent', active: row.active, createdAt: row.createdAt, secondFactor: row.totpEnabledAt !== null };
}

/** Staff accounts: created by the CLI or an admin, never deleted (the audit log names them), only deactivated. */
export class StaffAccounts {
  constructor(private readonly db: Db) {}

  async create(input: NewStaff, actor: string, now: Date): Promise<StaffUser> {
    const data = newStaffSchema.parse(input);
    if (await this.db.staffUser.findUnique({ where: { email: data.email } })) {
      throw new StaffAccountError(`a staff account for ${data.email} already exists`, 'exists');
    }
    const passwordHash = await hashPassword(data.password);
    const [row] = await this.db.$transaction([
      this.db.staffUser.create({ data: { email: data.email, passwordHash, role: data.role, createdAt: now } }),
      auditCreate(this.db, { actor, action: 'staff.create', target: data.email, detail: { role: data.role } }, now),
    ]);
    return toStaffUser(row);
  }

  async list(): Promise<StaffUser[]> {
    return (await this.db.staffUser.findMany({ orderBy: { email: 'asc' } })).map(toStaffUser);
  }

  async setActive(id: string, active: boolean, actor: string, now: Date): Promise<void> {
    const user = await this.db.staffUser.findUnique({ where: { id } });
    if (!user) throw new StaffAccountError(`staff account ${id} does not exist`, 'not_found');
    if (!active && user.role === 'admin' && (await this.db.staffUser.count({ where: { role: 'admin', active: true } })) <= 1) {
      throw new StaffAccountError('the last active admin cannot be deactivated', 'last_admin');
    }
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id }, data: { active } }),
      // A deactivated account loses its open sessions at once.
      ...(active ? [] : [this.db.staffSession.deleteMany({ where: { userId: id } })]),
      auditCreate(this.db, { actor, action: active ? 'staff.activate' : 'staff.deactivate', target: user.email }, now),
    ]);
  }

  async resetPassword(id: string, password: string, actor: string, now: Date): Promise<void> {
    const user = await this.db.staffUser.findUnique({ where: { id } });
    if (!user) throw new StaffAccountError(`staff account ${id} does not exist`, 'not_found');
    const passwordHash = await hashPassword(passwordSchema.parse(password));
    await this.db.$transaction([
      this.db.staffUser.update({ where: { id }, data: { passwordHash } }),
      this.db.staffSession.deleteMany({ where: { userId: id } }),
      auditCreate(this.db, { actor, action: 'staff.password', target: user.email }, now),
    ]);
  }
}
