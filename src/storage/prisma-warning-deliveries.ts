import { randomUUID } from 'node:crypto';
import { serializeReplies } from '../dialogue/reply-schema.ts';
import type { DeliveryFigures, DeliveryLedger, QueuedDelivery } from '../warnings/delivery-ledger.ts';
import type { Subscription } from '../warnings/subscription.ts';
import type { Db } from './database.ts';
import { toSubscription } from './prisma-warning-subscriptions.ts';

/** Outbox rows are read in chunks this size (an IN list stays well under SQLite's variable limit). */
const chunk = 1000;

/**
 * The fan-out ledger: a WarningDelivery row and its Outbox item are written in one transaction, and
 * (warning, subscription) is unique. Two instances racing on one batch: the second's transaction
 * fails on the unique pair and rolls back its outbox rows too, then re-reads and queues nothing.
 */
/** Rounds of queue() against concurrent fan-outs before a collision is reported. */
const maxQueueAttempts = 10;

export class PrismaDeliveryLedger implements DeliveryLedger {
  constructor(private readonly db: Db) {}

  async subscribers(after: string | null, limit: number): Promise<{ page: Subscription[]; next: string | null }> {
    const rows = await this.db.warningSubscription.findMany({ where: { active: true, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take: limit });
    if (rows.length === 0) return { page: [], next: null };
    // Who was queued already is left out by queue(), inside its transaction: checking here too would
    // cost a query per page and still not be the last word.
    return { page: rows.map(toSubscription), next: rows.at(-1)!.id };
  }

  async queue(warningId: string, deliveries: readonly QueuedDelivery[], now: Date): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          const queued = await this.queuedAmong(warningId, deliveries.map((d) => d.subscriptionId), tx);
          const fresh = deliveries.filter((d) => !queued.has(d.subscriptionId)).map((d) => ({ ...d, outboxId: randomUUID() }));
          if (fresh.length === 0) return 0;
          await tx.outbox.createMany({ data: fresh.map((d) => ({ id: d.outboxId, channel: d.channel, externalId: d.externalId, payload: serializeReplies([d.reply]), createdAt: now })) });
          await tx.warningDelivery.createMany({ data: fresh.map((d) => ({ warningId, subscriptionId: d.subscriptionId, channel: d.channel, locale: d.locale, outboxId: d.outboxId, createdAt: now })) });
          return fresh.length;
        });
      } catch (error) {
        // Another instance queued some of this batch first: read again, queue the rest. Each such
        // collision means another fan-out made progress on these subscribers, so a few more rounds
        // always end; two fan-outs walking the list in step can collide several times in a row (seen
        // on PostgreSQL under load with three rounds), hence the bound and a short jittered pause.
        if (attempt >= maxQueueAttempts - 1 || (error as { code?: unknown }).code !== 'P2002') throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      }
    }
  }

  async finish(warningId: string, now: Date): Promise<number> {
    const audience = await this.db.warningDelivery.count({ where: { warningId } });
    await this.db.warning.update({ where: { id: warningId }, data: { audience, fannedOutAt: now } });
    return audience;
  }

  async cancelPending(warningId: string): Promise<number> {
    let cancelled = 0;
    for (const ids of chunks(await this.outboxIds(warningId))) {
      // An item being sent right now (claimed) is left to finish; the rest never leave.
      cancelled += (await this.db.outbox.deleteMany({ where: { id: { in: ids }, deliveredAt: null, claimedBy: null } })).count;
    }
    return cancelled;
  }

  async figures(warningId: string, maxAttempts: number): Promise<DeliveryFigures> {
    const deliveries = await this.db.warningDelivery.findMany({ where: { warningId }, select: { outboxId: true, channel: true } });
    const channelOf = new Map(deliveries.map((d) => [d.outboxId, d.channel]));
    const byChannel: Record<string, { queued: number; delivered: number; pending: number; failed: number }> = {};
    const slot = (channel: string) => (byChannel[channel] ??= { queued: 0, delivered: 0, pending: 0, failed: 0 });
    for (const d of deliveries) slot(d.channel).queued++;
    let retries = 0;
    let first: Date | null = null;
    let last: Date | null = null;
    for (const ids of chunks([...channelOf.keys()])) {
      const rows = await this.db.outbox.findMany({ where: { id: { in: ids } }, select: { id: true, deliveredAt: true, attempts: true } });
      for (const row of rows) {
        const s = slot(channelOf.get(row.id)!);
        retries += row.attempts;
        if (row.deliveredAt) {
          s.delivered++;
          if (!first || row.deliveredAt < first) first = row.deliveredAt;
          if (!last || row.deliveredAt > last) last = row.deliveredAt;
        } else if (row.attempts >= maxAttempts) s.failed++;
        else s.pending++;
      }
    }
    const sum = (k: 'queued' | 'delivered' | 'pending' | 'failed') => Object.values(byChannel).reduce((n, s) => n + s[k], 0);
    return { queued: sum('queued'), delivered: sum('delivered'), pending: sum('pending'), failed: sum('failed'), retries, firstDeliveredAt: first, lastDeliveredAt: last, byChannel };
  }

  private async outboxIds(warningId: string): Promise<string[]> {
    return (await this.db.warningDelivery.findMany({ where: { warningId }, select: { outboxId: true } })).map((d) => d.outboxId);
  }

  private async queuedAmong(warningId: string, subscriptionIds: readonly string[], db: Pick<Db, 'warningDelivery'> = this.db): Promise<Set<string>> {
    const rows = await db.warningDelivery.findMany({ where: { warningId, subscriptionId: { in: [...subscriptionIds] } }, select: { subscriptionId: true } });
    return new Set(rows.map((r) => r.subscriptionId));
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}
