import type { Db } from './database.ts';

/** What an audit row holds; src/staff/audit-log.ts gives it its meaning. */
export interface AuditRowInput {
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly detail?: Record<string, unknown>;
}

/**
 * The Prisma call that writes an audit row, not yet awaited, so an adapter can put it in the same
 * transaction as the change it records.
 */
export function auditCreate(db: Pick<Db, 'auditLog'>, entry: AuditRowInput, now: Date) {
  return db.auditLog.create({ data: { actor: entry.actor, action: entry.action, target: entry.target ?? '', detail: JSON.stringify(entry.detail ?? {}), createdAt: now } });
}
