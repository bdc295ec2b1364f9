import type { ChannelName, Reply } from '../dialogue/messages.ts';
import type { Outbox, OutboxItem } from '../dialogue/outbox.ts';
import { deserializeReplies, serializeReplies } from '../dialogue/reply-schema.ts';
import { type Db, sqlTable } from './database.ts';

export class PrismaOutbox implements Outbox {
  /** `records`: the client the marks of a send go through (Database.records), the one with nothing to wait for. */
  constructor(
    private readonly db: Db,
    private readonly records: Db = db,
  ) {}

  async enqueue(channel: ChannelName, externalId: string, reply: Reply, now: Date): Promise<void> {
    await outboxCreate(this.db, channel, externalId, reply, now);
  }

  pending(channel: ChannelName, limit: number, maxAttempts?: number): Promise<OutboxItem[]> {
    return this.find(channel, { ...attemptsBelow(maxAttempts) }, limit);
  }

  pendingFor(channel: ChannelName, externalId: string, limit: number): Promise<OutboxItem[]> {
    return this.find(channel, { externalId }, limit);
  }

  /** Undelivered items of a channel, oldest first, narrowed by `where`. */
  private async find(channel: ChannelName, where: OutboxWhere, limit: number): Promise<OutboxItem[]> {
    const rows = await this.db.outbox.findMany({ where: { ...where, channel, deliveredAt: null }, orderBy: { createdAt: 'asc' }, take: limit });
    return rows.map((r) => toItem(channel, r));
  }

  async claim(channel: ChannelName, owner: string, limit: number, ttlMs: number, now: Date, maxAttempts?: number): Promise<OutboxItem[]> {
    const candidates = await this.find(channel, { ...attemptsBelow(maxAttempts), OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] }, limit);
    const until = new Date(now.getTime() + ttlMs);
    const claimed: OutboxItem[] = [];
    for (const item of candidates) {
      // The condition is checked again in the UPDATE itself: of two instances that read the same
      // candidate, one changes the row and the other changes nothing (row locks on PostgreSQL, the
      // single writer on SQLite), so each item has one sender at a time.
      const changed = await this.db.$executeRaw`
        UPDATE ${sqlTable(this.db, 'Outbox')} SET "claimedBy" = ${owner}, "claimedUntil" = ${until}
        WHERE "id" = ${item.id} AND "deliveredAt" IS NULL AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})`;
      if (changed > 0) claimed.push(item);
    }
    return claimed;
  }

  async renew(id: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    // Conditional, as the claim is: of this instance and another that claimed the item after this
    // one's claim ran out, only the one whose name the row holds may send it.
    const { count } = await this.db.outbox.updateMany({ where: { id, claimedBy: owner, deliveredAt: null }, data: { claimedUntil: new Date(now.getTime() + ttlMs) } });
    return count > 0;
  }

  async markPartsSent(id: string, sentParts: number): Promise<void> {
    await this.records.outbox.update({ where: { id }, data: { sentParts } });
  }

  async markDelivered(id: string, now: Date): Promise<void> {
    await this.records.outbox.update({ where: { id }, data: { deliveredAt: now, claimedBy: null, claimedUntil: null } });
  }

  async markFailed(id: string, retryAt: Date): Promise<void> {
    await this.db.outbox.update({ where: { id }, data: { attempts: { increment: 1 }, claimedBy: null, claimedUntil: retryAt } });
  }
}

/**
 * The Prisma call that queues one reply, not yet awaited, so an adapter can commit it with the change
 * that causes it (a staff reply and its message row).
 */
export function outboxCreate(db: Pick<Db, 'outbox'>, channel: ChannelName, externalId: string, reply: Reply, now: Date) {
  return db.outbox.create({ data: { channel, externalId, payload: serializeReplies([reply]), createdAt: now } });
}

type OutboxWhere = NonNullable<NonNullable<Parameters<Db['outbox']['findMany']>[0]>['where']>;

/** Items that failed `maxAttempts` times are left for staff to see; no bound when undefined. */
function attemptsBelow(maxAttempts: number | undefined): OutboxWhere {
  return maxAttempts === undefined ? {} : { attempts: { lt: maxAttempts } };
}

function toItem(channel: ChannelName, r: { id: string; externalId: string; payload: string; createdAt: Date; attempts: number; sentParts: number }): OutboxItem {
  return { id: r.id, channel, externalId: r.externalId, reply: deserializeReplies(r.payload)[0] ?? { text: '' }, createdAt: r.createdAt, attempts: r.attempts, sentParts: r.sentParts };
}
