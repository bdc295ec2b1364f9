import type { AuditInput } from '../shared/audit-log.ts';
import type { Db } from './database.ts';

/**
 * The Prisma call that writes an audit row, not yet awaited, so an adapter can put it in the same
 * transaction as the change it records.
 */
export function auditCreate(db: Pick<Db, 'auditLog'>, entry: AuditInput, now: Date) {
  return db.auditLog.create({ data: { actor: entry.actor, action: entry.action, target: entry.target ?? '', detail: JSON.stringify(entry.detail ?? {}), createdAt: now } });
}
