import type { ChannelName, Reply } from '../dialogue/messages.ts';
import type { Outbox, OutboxItem } from '../dialogue/outbox.ts';
import { deserializeReplies, serializeReplies } from '../dialogue/reply-schema.ts';
import type { Db } from './database.ts';

export class PrismaOutbox implements Outbox {
  constructor(private readonly db: Db) {}

  async enqueue(channel: ChannelName, externalId: string, reply: Reply, now: Date): Promise<void> {
    await this.db.outbox.create({ data: { channel, externalId, payload: serializeReplies([reply]), createdAt: now } });
  }

  async pending(channel: ChannelName, limit: number, maxAttempts?: number): Promise<OutboxItem[]> {
    return this.find({ channel, deliveredAt: null, ...(maxAttempts === undefined ? {} : { attempts: { lt: maxAttempts } }) }, limit);
  }

  pendingFor(channel: ChannelName, externalId: string, limit: number): Promise<OutboxItem[]> {
    return this.find({ channel, externalId, deliveredAt: null }, limit);
  }

  private async find(where: { channel: ChannelName; externalId?: string; deliveredAt: null; attempts?: { lt: number } }, limit: number): Promise<OutboxItem[]> {
    const rows = await this.db.outbox.findMany({ where, orderBy: { createdAt: 'asc' }, take: limit });
    const channel = where.channel;
    return rows.map((r) => ({
      id: r.id,
      channel,
      externalId: r.externalId,
      reply: deserializeReplies(r.payload)[0] ?? { text: '' },
      createdAt: r.createdAt,
      attempts: r.attempts,
    }));
  }

  async markDelivered(id: string, now: Date): Promise<void> {
    await this.db.outbox.update({ where: { id }, data: { deliveredAt: now } });
  }

  async markFailed(id: string): Promise<void> {
    await this.db.outbox.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }
}
