import type { Handoff, HandoffQueue, HandoffReason, HolidaySource } from '../handoff/handoff-store.ts';
import { handoffReasons, handoffStatuses } from '../handoff/handoff-store.ts';
import type { DayOverrides } from '../handoff/working-hours.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';

type HandoffRow = Awaited<ReturnType<Db['handoff']['findUniqueOrThrow']>>;

export function toHandoff(row: HandoffRow): Handoff {
  return {
    id: row.id,
    conversationId: row.conversationId,
    reason: (handoffReasons as readonly string[]).includes(row.reason) ? (row.reason as HandoffReason) : 'requested',
    status: (handoffStatuses as readonly string[]).includes(row.status) ? (row.status as Handoff['status']) : 'waiting',
    assignedTo: row.assignedTo,
    createdAt: row.createdAt,
    firstResponseAt: row.firstResponseAt,
    closedAt: row.closedAt,
  };
}

export class PrismaHandoffQueue implements HandoffQueue {
  constructor(private readonly db: Db) {}

  async current(conversationId: string): Promise<Handoff | null> {
    const row = await this.db.handoff.findFirst({ where: { conversationId, status: { in: ['waiting', 'active'] } }, orderBy: { createdAt: 'desc' } });
    return row ? toHandoff(row) : null;
  }

  async open(conversationId: string, reason: HandoffReason, now: Date): Promise<Handoff> {
    // Turns of one conversation are serialised by the engine, so check-then-create cannot race itself.
    const existing = await this.current(conversationId);
    if (existing) return existing;
    return toHandoff(await this.db.handoff.create({ data: { conversationId, reason, status: 'waiting', createdAt: now } }));
  }

  async position(handoff: Handoff): Promise<number> {
    if (handoff.status !== 'waiting') return 0;
    // Ties (two requests in the same millisecond) are broken by id, so two people never share a place.
    const ahead = await this.db.handoff.count({
      where: { status: 'waiting', OR: [{ createdAt: { lt: handoff.createdAt } }, { createdAt: handoff.createdAt, id: { lt: handoff.id } }] },
    });
    return 1 + ahead;
  }

  async withdraw(handoff: Handoff, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.handoff.update({ where: { id: handoff.id }, data: { status: 'closed', closedAt: now } }),
      auditCreate(this.db, { actor: 'consumer', action: 'handoff.withdraw', target: handoff.conversationId, detail: { handoffId: handoff.id } }, now),
    ]);
  }

  async rate(handoffId: string, rating: number, now: Date): Promise<boolean> {
    // Only a closed, not yet rated hand-off takes a rating: the first answer stands.
    const changed = await this.db.handoff.updateMany({ where: { id: handoffId, status: 'closed', rating: null }, data: { rating, ratedAt: now } });
    return changed.count > 0;
  }

  async recentWaits(limit: number): Promise<number[]> {
    const rows = await this.db.handoff.findMany({ where: { firstResponseAt: { not: null } }, orderBy: { firstResponseAt: 'desc' }, take: limit, select: { createdAt: true, firstResponseAt: true } });
    return rows.map((r) => (r.firstResponseAt!.getTime() - r.createdAt.getTime()) / 60_000);
  }
}

/** Holidays straight from the Holiday table that staff edit in the console. */
export class PrismaHolidaySource implements HolidaySource {
  constructor(private readonly db: Db) {}

  async overrides(from: string, to: string): Promise<DayOverrides> {
    const rows = await this.db.holiday.findMany({ where: { date: { gte: from, lte: to } } });
    return new Map(rows.map((r) => [r.date, r.isWorkingDay]));
  }
}
