import { z } from 'zod';
import { channelNames, type ChannelName } from '../dialogue/messages.ts';
import { serializeReplies } from '../dialogue/reply-schema.ts';
import { isLocale, type Locale, type Translator } from '../i18n/translator.ts';
import { auditWrite } from '../staff/audit-log.ts';
import type { Db } from '../storage/database.ts';
import { toHandoff } from '../storage/prisma-handoff-queue.ts';
import type { Handoff } from './handoff-store.ts';

export class HandoffDeskError extends Error {
  override readonly name = 'HandoffDeskError';
  constructor(
    message: string,
    readonly code: 'not_found' | 'closed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface DeskConversation {
  readonly id: string;
  readonly channel: ChannelName;
  readonly externalId: string;
  readonly userName: string | null;
  readonly locale: Locale;
  /** False when the user left the queue with /start or /huy: staff may still answer. */
  readonly stillWaiting: boolean;
}

export interface InboxItem {
  readonly handoff: Handoff;
  readonly conversation: DeskConversation;
  readonly lastMessage: { readonly text: string; readonly direction: string; readonly createdAt: Date } | null;
}

export interface DeskMessage {
  readonly id: string;
  readonly direction: 'in' | 'out' | 'staff';
  readonly text: string;
  readonly createdAt: Date;
  /** The staff member who wrote a "staff" message. */
  readonly by: string | null;
}

const staffPayload = z.object({ by: z.string().optional() }).catch({});

/** Messages shown per page of a chat; older ones are a page away. */
export const transcriptPageSize = 200;

/** One page of a chat, oldest first. */
export interface TranscriptPage {
  readonly item: InboxItem;
  readonly transcript: DeskMessage[];
  /** The `before` that opens the page of older messages; null when this page starts the chat. */
  readonly older: string | null;
  /** This page was opened with `before`: newer messages follow it. */
  readonly newer: boolean;
}

/** What tells an open chat page that it is out of date. */
export interface ChatState {
  readonly messages: number;
  readonly latest: string | null;
  readonly status: Handoff['status'];
}

export const staffReplySchema = z.string().trim().min(1).max(4000);

/**
 * The staff side of hand-offs: the inbox, replying (the reply goes to the outbox, which the channel
 * delivers to the same chat) and closing (the bot says so and takes the conversation back). Every
 * action is audited in the same transaction as the change it records.
 */
export class HandoffDesk {
  constructor(
    private readonly db: Db,
    private readonly translators: (locale: Locale) => Translator,
  ) {}

  /** Open hand-offs, longest waiting first, then those being answered. */
  async inbox(): Promise<InboxItem[]> {
    const rows = await this.db.handoff.findMany({
      where: { status: { in: ['waiting', 'active'] } },
      orderBy: [{ status: 'desc' }, { createdAt: 'asc' }],
      include: { conversation: { include: { messages: { orderBy: { createdAt: 'desc' }, take: 1 } } } },
      take: 500,
    });
    return rows.map((r) => ({ handoff: toHandoff(r), conversation: toDeskConversation(r.conversation), lastMessage: r.conversation.messages[0] ?? null }));
  }

  async recentlyClosed(limit: number): Promise<InboxItem[]> {
    const rows = await this.db.handoff.findMany({ where: { status: 'closed' }, orderBy: { closedAt: 'desc' }, take: limit, include: { conversation: true } });
    return rows.map((r) => ({ handoff: toHandoff(r), conversation: toDeskConversation(r.conversation), lastMessage: null }));
  }

  async waitingCount(): Promise<number> {
    return this.db.handoff.count({ where: { status: 'waiting' } });
  }

  /**
   * The hand-off and its chat's latest messages, or with `before` (a message id from `older`) the
   * messages just before that one: a long chat opens on its newest messages, and older ones are
   * read page by page. A `before` that is not a message of this chat opens the latest page.
   */
  async detail(handoffId: string, options: { before?: string; limit?: number } = {}): Promise<TranscriptPage> {
    const row = await this.db.handoff.findUnique({ where: { id: handoffId }, include: { conversation: true } });
    if (!row) throw new HandoffDeskError(`hand-off ${handoffId} does not exist`, 'not_found');
    const conversationId = row.conversationId;
    const limit = options.limit ?? transcriptPageSize;
    const cursor = options.before
      ? await this.db.message.findFirst({ where: { id: options.before, conversationId }, select: { id: true, createdAt: true } })
      : null;
    // Newest first from the cursor (ties in time broken by id, the same order on every page), one
    // more than shown to learn whether older messages exist.
    const rows = await this.db.message.findMany({
      where: {
        conversationId,
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const shown = rows.slice(0, limit).reverse();
    return {
      item: { handoff: toHandoff(row), conversation: toDeskConversation(row.conversation), lastMessage: null },
      transcript: shown.map((m) => ({
        id: m.id,
        direction: m.direction === 'staff' || m.direction === 'out' ? m.direction : 'in',
        text: m.text,
        createdAt: m.createdAt,
        by: m.direction === 'staff' ? (staffPayload.parse(parse(m.payload)).by ?? null) : null,
      })),
      older: rows.length > limit ? (shown[0]?.id ?? null) : null,
      newer: cursor !== null,
    };
  }

  /** Changes whenever a message is added to the chat (however long it is) or the hand-off's status changes. */
  async chatState(handoffId: string): Promise<ChatState> {
    const row = await this.db.handoff.findUnique({ where: { id: handoffId } });
    if (!row) throw new HandoffDeskError(`hand-off ${handoffId} does not exist`, 'not_found');
    const where = { conversationId: row.conversationId };
    const [messages, latest] = await Promise.all([
      this.db.message.count({ where }),
      this.db.message.findFirst({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } }),
    ]);
    return { messages, latest: latest?.id ?? null, status: toHandoff(row).status };
  }

  async reply(handoffId: string, staffEmail: string, rawText: string, now: Date): Promise<void> {
    const text = staffReplySchema.parse(rawText);
    const { handoff, conversation } = await this.openHandoff(handoffId);
    await this.db.$transaction([
      this.db.message.create({ data: { conversationId: conversation.id, direction: 'staff', text, payload: JSON.stringify({ by: staffEmail }), createdAt: now } }),
      this.db.outbox.create({ data: { channel: conversation.channel, externalId: conversation.externalId, payload: serializeReplies([{ text }]), createdAt: now } }),
      this.db.handoff.update({
        where: { id: handoff.id },
        data: { status: 'active', firstResponseAt: handoff.firstResponseAt ?? now, assignedTo: handoff.assignedTo ?? staffEmail },
      }),
      auditWrite(this.db, { actor: staffEmail, action: 'handoff.reply', target: conversation.id, detail: { handoffId, length: text.length } }, now),
    ]);
  }

  async close(handoffId: string, staffEmail: string, now: Date): Promise<void> {
    const { handoff, conversation } = await this.openHandoff(handoffId);
    const text = this.translators(conversation.locale).t('handoff.closedByStaff');
    await this.db.$transaction([
      this.db.handoff.update({ where: { id: handoff.id }, data: { status: 'closed', closedAt: now, assignedTo: handoff.assignedTo ?? staffEmail } }),
      this.db.message.create({ data: { conversationId: conversation.id, direction: 'out', text, createdAt: now } }),
      this.db.outbox.create({ data: { channel: conversation.channel, externalId: conversation.externalId, payload: serializeReplies([{ text }]), createdAt: now } }),
      // Only a conversation still in the hand-off goes back to the bot; one the user already left stays as it is.
      this.db.conversation.updateMany({ where: { id: conversation.id, state: { startsWith: 'handoff.' } }, data: { state: 'idle', stateData: '{}' } }),
      auditWrite(this.db, { actor: staffEmail, action: 'handoff.close', target: conversation.id, detail: { handoffId } }, now),
    ]);
  }

  private async openHandoff(handoffId: string) {
    const row = await this.db.handoff.findUnique({ where: { id: handoffId }, include: { conversation: true } });
    if (!row) throw new HandoffDeskError(`hand-off ${handoffId} does not exist`, 'not_found');
    if (row.status === 'closed') throw new HandoffDeskError(`hand-off ${handoffId} is closed`, 'closed');
    return { handoff: toHandoff(row), conversation: toDeskConversation(row.conversation) };
  }
}

function toDeskConversation(row: { id: string; channel: string; externalId: string; userName: string | null; locale: string; state: string }): DeskConversation {
  return {
    id: row.id,
    channel: (channelNames as readonly string[]).includes(row.channel) ? (row.channel as ChannelName) : 'web',
    externalId: row.externalId,
    userName: row.userName,
    locale: isLocale(row.locale) ? row.locale : 'vi',
    stillWaiting: row.state.startsWith('handoff.'),
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A payload that is not JSON carries no author; the message itself still shows.
    return {};
  }
}
