import type { ConversationSnapshot, ConversationStore, TranscriptEntry, TurnToSave } from '../dialogue/conversation-store.ts';
import { channelNames, type ChannelName, type Reply } from '../dialogue/messages.ts';
import { deserializeReplies, serializeReplies } from '../dialogue/reply-schema.ts';
import { isLocale } from '../i18n/translator.ts';
import { z } from 'zod';
import type { Db } from './database.ts';

const replyOptionsSchema = z.array(z.object({ id: z.string(), label: z.string() }));

type ConversationRow = Awaited<ReturnType<Db['conversation']['findUniqueOrThrow']>>;

/** Conversation state and transcript in the database, through Prisma. */
export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  async findOrCreate(channel: ChannelName, externalId: string, userName: string | undefined, now: Date): Promise<ConversationSnapshot> {
    // Almost every message belongs to an existing conversation: one SELECT, where an upsert costs a
    // transaction of several statements on every turn (it dominated the channels' load test).
    const where = { channel_externalId: { channel, externalId } };
    const existing = await this.db.conversation.findUnique({ where });
    if (existing) return toSnapshot(existing);
    try {
      return toSnapshot(await this.db.conversation.create({ data: { channel, externalId, userName: userName ?? null, createdAt: now, lastMessageAt: now } }));
    } catch (error) {
      // Another process created it in between.
      if ((error as { code?: unknown }).code !== 'P2002') throw error;
      return toSnapshot(await this.db.conversation.findUniqueOrThrow({ where }));
    }
  }

  /** Whether the database answers (readiness checks). */
  async reachable(): Promise<boolean> {
    await this.db.conversation.findFirst({ select: { id: true } });
    return true;
  }

  async find(channel: ChannelName, externalId: string): Promise<ConversationSnapshot | null> {
    const row = await this.db.conversation.findUnique({ where: { channel_externalId: { channel, externalId } } });
    return row ? toSnapshot(row) : null;
  }

  /**
   * Ends a web session on the server: the conversation stays (staff keep the transcript) but its
   * old key no longer opens it, so a copied cookie stops working the moment the user ends it.
   */
  async retire(channel: ChannelName, externalId: string, now: Date): Promise<void> {
    await this.db.conversation.updateMany({ where: { channel, externalId }, data: { externalId: `ended:${now.toISOString()}:${externalId}` } });
  }

  private readonly lastWritten = new Map<string, number>();

  private async lastMessageAt(conversationId: string): Promise<number> {
    const last = await this.db.message.findFirst({ where: { conversationId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
    return last?.createdAt.getTime() ?? 0;
  }

  private remember(conversationId: string, at: number): void {
    // Bounded: the oldest conversations are forgotten first and simply looked up again.
    this.lastWritten.delete(conversationId);
    this.lastWritten.set(conversationId, at);
    if (this.lastWritten.size > 50_000) this.lastWritten.delete(this.lastWritten.keys().next().value!);
  }

  async handledUpdate(channel: ChannelName, key: string): Promise<readonly Reply[] | null> {
    const row = await this.db.inboundUpdate.findUnique({ where: { channel_key: { channel, key } } });
    return row && row.status === 'done' ? deserializeReplies(row.replies) : null;
  }

  async saveTurn(turn: TurnToSave): Promise<void> {
    const { conversationId, inbound, replies, update, now } = turn;
    // The transcript is ordered by time, so each turn starts after the previous one even when the
    // clock is fixed (script mode's --now) or two turns share a millisecond; replies follow their message.
    // The last timestamp this store wrote is remembered, saving a query per turn on the channels' hot
    // path; messages written elsewhere (staff replies) carry real times that `now` already follows.
    const lastAt = this.lastWritten.get(conversationId) ?? (await this.lastMessageAt(conversationId));
    const start = Math.max(now.getTime(), lastAt + 1);
    const at = (offset: number) => new Date(start + offset);
    const repliesJson = serializeReplies(replies);
    // One statement for the turn's messages and no read-back of the conversation: this runs on
    // every message of every channel.
    await this.db.$transaction([
      this.db.message.createMany({
        data: [
          {
            conversationId,
            direction: 'in',
            text: inbound.text,
            payload: JSON.stringify({ choice: inbound.choice, attachments: inbound.attachments ?? [] }),
            createdAt: at(0),
          },
          ...replies.map((reply, i) => ({
            conversationId,
            direction: 'out',
            text: reply.text,
            payload: JSON.stringify({ options: reply.options ?? [], file: reply.file ? { fileName: reply.file.fileName, mimeType: reply.file.mimeType } : undefined }),
            createdAt: at(i + 1),
          })),
        ],
      }),
      this.db.conversation.updateMany({
        where: { id: conversationId },
        data: {
          ...(update.locale ? { locale: update.locale } : {}),
          ...(update.state !== undefined ? { state: update.state } : {}),
          ...(update.stateData !== undefined ? { stateData: JSON.stringify(update.stateData) } : {}),
          ...(update.context !== undefined ? { context: JSON.stringify(update.context ?? {}) } : {}),
          ...(update.userName !== undefined ? { userName: update.userName } : {}),
          ...(update.lastOptions !== undefined ? { lastOptions: JSON.stringify(update.lastOptions) } : {}),
          lastMessageAt: now,
        },
      }),
      ...(turn.updateKey
        ? [
            this.db.inboundUpdate.upsert({
              where: { channel_key: { channel: inbound.channel, key: turn.updateKey } },
              create: { channel: inbound.channel, key: turn.updateKey, conversationId, status: 'done', replies: repliesJson },
              update: { status: 'done', replies: repliesJson, conversationId },
            }),
          ]
        : []),
    ]);
    this.remember(conversationId, start + replies.length);
  }

  async transcript(conversationId: string, limit = 500): Promise<TranscriptEntry[]> {
    // The latest messages are the ones wanted (a long chat's first ones are history); read newest
    // first up to the limit, then hand them out oldest first.
    const rows = await this.db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
    return rows.reverse().map((r) => ({ direction: r.direction as TranscriptEntry['direction'], text: r.text, createdAt: r.createdAt }));
  }
}

function toSnapshot(row: ConversationRow): ConversationSnapshot {
  const channel = (channelNames as readonly string[]).includes(row.channel) ? (row.channel as ChannelName) : 'web';
  return {
    id: row.id,
    channel,
    externalId: row.externalId,
    userName: row.userName,
    locale: isLocale(row.locale) ? row.locale : 'vi',
    state: row.state,
    stateData: parseJson(row.stateData),
    context: parseJson(row.context),
    lastOptions: replyOptionsSchema.catch([]).parse(parseJson(row.lastOptions)),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Flows validate their data with zod and restart cleanly from an empty object.
    return {};
  }
}
