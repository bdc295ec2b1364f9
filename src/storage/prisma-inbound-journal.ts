import type { DeliveryState, InboundJournal, JournalClaim, JournalEntry } from '../dialogue/inbound-journal.ts';
import type { ChannelName } from '../dialogue/messages.ts';
import { type Db, sqlTable } from './database.ts';
import { DatabaseError } from './storage-errors.ts';

/** The journal lives in InboundUpdate, the table the engine saves each turn's replies in. */
export class PrismaInboundJournal implements InboundJournal {
  /** `records`: the client markSent writes through (Database.records), the one with nothing to wait for. */
  constructor(
    private readonly db: Db,
    private readonly records: Db = db,
  ) {}

  async record(channel: ChannelName, entries: readonly JournalEntry[], now: Date, claim: JournalClaim): Promise<Set<string>> {
    const fresh = [...new Map(entries.map((e) => [e.key, e])).values()];
    if (fresh.length === 0) return new Set();
    const claimedUntil = new Date(now.getTime() + claim.ttlMs);
    const row = (e: JournalEntry) => ({ channel, key: e.key, payload: e.payload, status: 'received', createdAt: now, claimedBy: claim.owner, claimedUntil });
    // Redeliveries are rare: try the one INSERT first, sort out duplicates only when it fails.
    try {
      await this.db.inboundUpdate.createMany({ data: fresh.map(row) });
      return new Set(fresh.map((e) => e.key));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const created = new Set<string>();
    for (const e of fresh) {
      try {
        await this.db.inboundUpdate.create({ data: row(e) });
        created.add(e.key);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return created;
  }

  async claim(channel: ChannelName, key: string, now: Date, claim: JournalClaim): Promise<boolean> {
    const until = new Date(now.getTime() + claim.ttlMs);
    // One conditional UPDATE: of two instances claiming at once, exactly one changes the row.
    const changed = await this.db.$executeRaw`
      UPDATE ${sqlTable(this.db, 'InboundUpdate')} SET "claimedBy" = ${claim.owner}, "claimedUntil" = ${until}
      WHERE "channel" = ${channel} AND "key" = ${key} AND "deliveredAt" IS NULL
        AND ("claimedBy" IS NULL OR "claimedBy" = ${claim.owner} OR "claimedUntil" < ${now})`;
    return changed > 0;
  }

  async state(channel: ChannelName, key: string): Promise<DeliveryState | null> {
    const row = await this.db.inboundUpdate.findUnique({
      where: { channel_key: { channel, key } },
      select: { sentCount: true, deliveredAt: true },
    });
    return row ? { sentCount: row.sentCount, delivered: row.deliveredAt !== null } : null;
  }

  async find(channel: ChannelName, key: string): Promise<JournalEntry | null> {
    const row = await this.db.inboundUpdate.findUnique({ where: { channel_key: { channel, key } }, select: { key: true, payload: true } });
    return row ? { key: row.key, payload: row.payload } : null;
  }

  async markSent(channel: ChannelName, key: string, sentCount: number, delivered: boolean, now: Date): Promise<void> {
    // Once per outgoing message, the hottest write of the channels: plain SQL costs a third of the
    // query builder's CPU here (load test). Dates bind as Prisma itself stores them; the table is
    // named with DATABASE_URL's schema, which raw SQL does not get from Prisma.
    const table = sqlTable(this.records, 'InboundUpdate');
    const changed = delivered
      ? await this.records.$executeRaw`
          UPDATE ${table} SET "sentCount" = ${sentCount}, "deliveredAt" = ${now}, "updatedAt" = ${now}
          WHERE "channel" = ${channel} AND "key" = ${key}`
      : await this.records.$executeRaw`
          UPDATE ${table} SET "sentCount" = ${sentCount}, "updatedAt" = ${now}
          WHERE "channel" = ${channel} AND "key" = ${key}`;
    if (changed === 0) throw new DatabaseError(`no journaled ${channel} update ${key} to mark as sent`);
  }

  async undelivered(channel: ChannelName, receivedBefore: Date, limit: number, owner: string, now: Date): Promise<JournalEntry[]> {
    const rows = await this.db.inboundUpdate.findMany({
      where: {
        channel,
        deliveredAt: null,
        payload: { not: '' },
        createdAt: { lt: receivedBefore },
        OR: [{ claimedBy: null }, { claimedBy: owner }, { claimedUntil: { lt: now } }],
      },
      orderBy: { createdAt: 'asc' },
      select: { key: true, payload: true, createdAt: true },
      take: limit,
    });
    // Updates journaled in one batch share a timestamp; Telegram's numeric ids keep their order.
    return rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareKeys(a.key, b.key))
      .map((r) => ({ key: r.key, payload: r.payload }));
  }
}

function compareKeys(a: string, b: string): number {
  return /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a.localeCompare(b);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
