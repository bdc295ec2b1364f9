import { auditCreate } from './prisma-audit-rows.ts';
import { warningContentSchema, type RevisionAction, type Warning, type WarningContent, type WarningRevision, type WarningStatus } from '../warnings/warning.ts';
import { WarningError } from '../warnings/warning-errors.ts';
import { assertStep } from '../warnings/warning-lifecycle.ts';
import type { WarningRepository } from '../warnings/warning-repository.ts';
import type { Db } from './database.ts';

type Row = NonNullable<Awaited<ReturnType<Db['warning']['findUnique']>>>;
type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Warnings with their revisions and audit entries: each step writes the warning, its revision and
 * the audit line in one transaction. The version check in the UPDATE's WHERE makes a concurrent
 * change fail instead of being overwritten.
 */
export class PrismaWarningRepository implements WarningRepository {
  constructor(private readonly db: Db) {}

  async create(content: WarningContent, actor: string, now: Date): Promise<Warning> {
    const row = await this.db.$transaction(async (tx) => {
      const created = await tx.warning.create({ data: { ...columns(content), createdBy: actor, createdAt: now, updatedAt: now } });
      await this.record(tx, created, 'create', actor, '', now);
      return created;
    });
    return toWarning(row);
  }

  async edit(id: string, content: WarningContent, expectedVersion: number, actor: string, now: Date): Promise<Warning> {
    return this.step(id, 'edit', actor, now, '', (w) => {
      expectVersion(w, expectedVersion);
      return { ...columns(content), updatedAt: now };
    }, (before) => ({ changed: changedFields(parseContent(before.content), content) }));
  }

  publish(id: string, expectedVersion: number, actor: string, now: Date): Promise<Warning> {
    return this.step(id, 'publish', actor, now, '', (w) => {
      expectVersion(w, expectedVersion);
      return { status: 'published', publishedAt: now, updatedAt: now };
    });
  }

  withdraw(id: string, reason: string, actor: string, now: Date): Promise<Warning> {
    return this.step(id, 'withdraw', actor, now, reason, () => ({ status: 'withdrawn', withdrawnAt: now, updatedAt: now }), () => ({ reason }));
  }

  async get(id: string): Promise<Warning | null> {
    const row = await this.db.warning.findUnique({ where: { id } });
    return row ? toWarning(row) : null;
  }

  async list(filter: { status?: WarningStatus; limit: number }): Promise<Warning[]> {
    const rows = await this.db.warning.findMany({ where: filter.status ? { status: filter.status } : {}, orderBy: { updatedAt: 'desc' }, take: filter.limit });
    return rows.map(toWarning);
  }

  async published(limit: number): Promise<Warning[]> {
    const rows = await this.db.warning.findMany({ where: { status: 'published' }, orderBy: { publishedAt: 'desc' }, take: limit });
    return rows.map(toWarning);
  }

  async history(id: string): Promise<WarningRevision[]> {
    const rows = await this.db.warningRevision.findMany({ where: { warningId: id }, orderBy: [{ version: 'asc' }, { createdAt: 'asc' }] });
    return rows.map((r) => ({ version: r.version, action: r.action as RevisionAction, content: parseContent(r.content), actor: r.actor, note: r.note, at: r.createdAt }));
  }

  async awaitingFanOut(): Promise<Warning[]> {
    const rows = await this.db.warning.findMany({ where: { status: 'published', fannedOutAt: null }, orderBy: { publishedAt: 'asc' } });
    return rows.map(toWarning);
  }

  /** One lifecycle step: checked against the status read in the transaction, applied only if the version is unchanged. */
  private async step(
    id: string,
    action: 'edit' | 'publish' | 'withdraw',
    actor: string,
    now: Date,
    note: string,
    change: (current: Row) => Parameters<Db['warning']['update']>[0]['data'],
    detail: (before: Row) => Record<string, unknown> = () => ({}),
  ): Promise<Warning> {
    const row = await this.db.$transaction(async (tx) => {
      const current = await tx.warning.findUnique({ where: { id } });
      if (!current) throw new WarningError('not_found', `no warning ${id}`);
      assertStep(action, current.status as WarningStatus, id);
      const data = change(current);
      const updated = await tx.warning.updateMany({ where: { id, version: current.version }, data: { ...data, version: current.version + 1 } });
      if (updated.count === 0) throw new WarningError('stale_version', `warning ${id} changed while it was being ${action}ed`);
      const after = (await tx.warning.findUnique({ where: { id } }))!;
      await this.record(tx, after, action, actor, note, now, detail(current));
      return after;
    });
    return toWarning(row);
  }

  private async record(tx: Tx, row: Row, action: RevisionAction, actor: string, note: string, now: Date, detail: Record<string, unknown> = {}): Promise<void> {
    await tx.warningRevision.create({ data: { warningId: row.id, version: row.version, action, content: row.content, actor, note, createdAt: now } });
    await auditCreate(tx, { actor, action: `warning.${action}`, target: row.id, detail: { title: row.title, kind: row.kind, ...detail } }, now);
  }
}

function expectVersion(row: Row, expected: number): void {
  if (row.version !== expected) throw new WarningError('stale_version', `warning ${row.id} is at version ${row.version}; the change started from ${expected}`);
}

function columns(content: WarningContent) {
  return { kind: content.kind, title: content.title, content: JSON.stringify(content), validFrom: content.validFrom, validTo: content.validTo };
}

function parseContent(json: string): WarningContent {
  return warningContentSchema.parse(JSON.parse(json));
}

/** Which parts an edit changed, named by field: the audit says "sửa tiêu đề, nguồn". */
function changedFields(before: WarningContent, after: WarningContent): string[] {
  return (Object.keys(after) as (keyof WarningContent)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function toWarning(row: Row): Warning {
  return {
    id: row.id,
    status: row.status as WarningStatus,
    content: parseContent(row.content),
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    withdrawnAt: row.withdrawnAt,
    audience: row.audience,
  };
}
