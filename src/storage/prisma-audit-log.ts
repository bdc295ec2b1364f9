import { z } from 'zod';
import type { AuditEntry, AuditInput, AuditLog, AuditQuery } from '../shared/audit-log.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

const detailSchema = z.record(z.string(), z.unknown()).catch({});

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  async record(entry: AuditInput, now: Date): Promise<void> {
    await auditCreate(this.db, entry, now);
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.db.auditLog.findMany({
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
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // An unreadable detail must not hide the entry itself; the action and actor still show.
    return {};
  }
}
