import type { ChannelName, Reply } from '../dialogue/messages.ts';
import { channelNames } from '../dialogue/messages.ts';
import type { ProactiveMessages } from '../dialogue/proactive-messages.ts';
import { isLocale, type Locale } from '../i18n/translator.ts';
import type { Db } from './database.ts';
import { outboxCreate } from './prisma-outbox.ts';

export class PrismaProactiveMessages implements ProactiveMessages {
  constructor(private readonly db: Db) {}

  async localeOf(conversationId: string): Promise<Locale | null> {
    const row = await this.db.conversation.findUnique({ where: { id: conversationId }, select: { locale: true } });
    return row ? (isLocale(row.locale) ? row.locale : 'vi') : null;
  }

  async send(conversationId: string, reply: Reply, now: Date): Promise<boolean> {
    const row = await this.db.conversation.findUnique({ where: { id: conversationId }, select: { channel: true, externalId: true, locale: true } });
    if (!row || !(channelNames as readonly string[]).includes(row.channel)) return false;
    const channel = row.channel as ChannelName;
    await this.db.$transaction([
      this.db.message.create({ data: { conversationId, direction: 'out', text: reply.text, createdAt: now } }),
      outboxCreate(this.db, channel, row.externalId, { ...reply, locale: isLocale(row.locale) ? row.locale : 'vi' }, now),
    ]);
    return true;
  }
}
