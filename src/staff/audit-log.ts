import { z } from 'zod';
import type { Db } from '../storage/database.ts';
import { auditCreate } from '../storage/prisma-audit-rows.ts';

/** One line of the audit log: who did what to which record, and when. */
export interface AuditEntry {
  readonly id: string;
  /** A staff e-mail, "consumer" (a privacy request) or "system". */
  readonly actor: string;
  /** Dotted verb, e.g. "handoff.reply", "complaint.status", "privacy.erase". */
  readonly action: string;
  readonly target: string;
  readonly detail: Record<string, unknown>;
  readonly createdAt: Date;
}

export interface AuditInput {
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly detail?: Record<string, unknown>;
}

const detailSchema = z.record(z.string(), z.unknown()).catch({});

/** The Prisma call that writes an entry, so callers can put it in the same transaction as the change. */
export function auditWrite(db: Pick<Db, 'auditLog'>, entry: AuditInput, now: Date) {
  return auditCreate(db, entry, now);
}

export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  readonly limit: number;
  readonly before?: Date;
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({
    where: {
      ...(query.action ? { action: { startsWith: query.action } } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.before ? { createdAt: { lt: query.before } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: query.limit,
  });
  return rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, target: r.target, detail: detailSchema.parse(safeJson(r.detail)), createdAt: r.createdAt }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // An unreadable detail must not hide the entry itself; the action and actor still show.
    return {};
  }
}
