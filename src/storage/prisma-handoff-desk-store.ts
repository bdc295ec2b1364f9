import { z } from 'zod';
import { channelNames, type ChannelName } from '../dialogue/messages.ts';
import { handoffStatePrefix, type AuditLine, type CloseRecord, type DeskConversation, type DeskMessage, type HandoffDeskStore, type HandoffNote, type InboxItem, type LinkedComplaint, type StaffReplyRecord } from '../handoff/handoff-desk-store.ts';
import { isLocale } from '../i18n/translator.ts';
import type { Db } from './database.ts';
import { auditCreate } from './prisma-audit-rows.ts';
import { toHandoff } from './prisma-handoff-queue.ts';
import { outboxCreate } from './prisma-outbox.ts';

const staffPayload = z.object({ by: z.string().optional() }).catch({});

/** The staff desk's reads and writes on Prisma; each write one transaction with its outbox item and audit line. */
export class PrismaHandoffDeskStore implements HandoffDeskStore {
  constructor(private readonly db: Db) {}

  async open(limit: number): Promise<InboxItem[]> {
    const rows = await this.db.handoff.findMany({
      where: { status: { in: ['waiting', 'active'] } },
      // 'waiting' sorts after 'active': descending puts the waiting first, oldest first within each.
      orderBy: [{ status: 'desc' }, { createdAt: 'asc' }],
      include: { conversation: { include: { messages: { where: { direction: 'in' }, orderBy: { createdAt: 'desc' }, take: 1, select: { text: true, createdAt: true } } } } },
      take: limit,
    });
    return rows.map((r) => ({ handoff: toHandoff(r), conversation: toDeskConversation(r.conversation), lastMessage: r.conversation.messages[0] ?? null }));
  }

  async recentlyClosed(limit: number): Promise<InboxItem[]> {
    const rows = await this.db.handoff.findMany({ where: { status: 'closed' }, orderBy: { closedAt: 'desc' }, take: limit, include: { conversation: true } });
    return rows.map((r) => ({ handoff: toHandoff(r), conversation: toDeskConversation(r.conversation), lastMessage: null }));
  }

  waitingCount(): Promise<number> {
    return this.db.handoff.count({ where: { status: 'waiting' } });
  }

  async find(handoffId: string) {
    const row = await this.db.handoff.findUnique({ where: { id: handoffId }, include: { conversation: true } });
    return row ? { handoff: toHandoff(row), conversation: toDeskConversation(row.conversation) } : null;
  }

  async messages(conversationId: string, before: string | undefined, limit: number): Promise<{ messages: DeskMessage[]; cursorFound: boolean }> {
    const cursor = before ? await this.db.message.findFirst({ where: { id: before, conversationId }, select: { id: true, createdAt: true } }) : null;
    // Newest first from the cursor, ties in time broken by id: the same order on every page.
    const rows = await this.db.message.findMany({
      where: {
        conversationId,
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return {
      cursorFound: cursor !== null,
      messages: rows.map((m) => ({
        id: m.id,
        direction: m.direction === 'staff' || m.direction === 'out' ? m.direction : 'in',
        text: m.text,
        createdAt: m.createdAt,
        by: m.direction === 'staff' ? (staffPayload.parse(parseJson(m.payload)).by ?? null) : null,
      })),
    };
  }

  async messageState(conversationId: string): Promise<{ count: number; latest: string | null }> {
    const where = { conversationId };
    const [count, latest] = await Promise.all([
      this.db.message.count({ where }),
      this.db.message.findFirst({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } }),
    ]);
    return { count, latest: latest?.id ?? null };
  }

  notes(handoffId: string): Promise<HandoffNote[]> {
    return this.db.handoffNote.findMany({ where: { handoffId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, author: true, text: true, createdAt: true } });
  }

  async addNote(handoffId: string, note: Omit<HandoffNote, 'id'>, audit: AuditLine): Promise<void> {
    await this.db.$transaction([this.db.handoffNote.create({ data: { handoffId, ...note } }), this.auditRow(audit, note.createdAt)]);
  }

  async complaintsOf(conversationId: string): Promise<LinkedComplaint[]> {
    return this.db.complaint.findMany({ where: { conversationId }, orderBy: { createdAt: 'desc' }, take: 20, select: { reference: true, status: true, createdAt: true } });
  }

  async recordAssignment(handoffId: string, assignedTo: string | null, audit: AuditLine, now: Date): Promise<boolean> {
    // The status is checked in the UPDATE itself: a chat closed a moment ago is not reassigned, and
    // no audit line records an assignment that did not happen.
    return this.db.$transaction(async (tx) => {
      const changed = await tx.handoff.updateMany({ where: { id: handoffId, status: { not: 'closed' } }, data: { assignedTo } });
      if (changed.count === 0) return false;
      await auditCreate(tx, audit, now);
      return true;
    });
  }

  async recordReply(reply: StaffReplyRecord): Promise<void> {
    const { conversation, now } = reply;
    await this.db.$transaction([
      this.db.message.create({ data: { conversationId: conversation.id, direction: 'staff', text: reply.text, payload: JSON.stringify({ by: reply.staffEmail }), createdAt: now } }),
      this.outboxItem(conversation, reply.text, now),
      this.db.handoff.update({ where: { id: reply.handoffId }, data: { status: reply.handoff.status, firstResponseAt: reply.handoff.firstResponseAt, assignedTo: reply.handoff.assignedTo } }),
      this.auditRow(reply.audit, now),
    ]);
  }

  async recordClose(close: CloseRecord): Promise<void> {
    const { conversation, now } = close;
    await this.db.$transaction([
      this.db.handoff.update({ where: { id: close.handoffId }, data: { status: 'closed', closedAt: now, assignedTo: close.assignedTo } }),
      this.db.message.create({ data: { conversationId: conversation.id, direction: 'out', text: close.farewell.text, createdAt: now } }),
      outboxCreate(this.db, conversation.channel, conversation.externalId, { ...close.farewell, locale: conversation.locale }, now),
      // Checked in the UPDATE itself: a user who left the hand-off a moment ago is not pulled back.
      this.db.conversation.updateMany({
        where: { id: conversation.id, state: { startsWith: handoffStatePrefix } },
        data: { state: close.next.state, stateData: JSON.stringify(close.next.stateData), lastOptions: JSON.stringify(close.farewell.options ?? []) },
      }),
      this.auditRow(close.audit, now),
    ]);
  }

  async audit(line: AuditLine, now: Date): Promise<void> {
    await this.auditRow(line, now);
  }

  /** A staff member's words, marked as theirs (the web chat shows them so). */
  private outboxItem(conversation: DeskConversation, text: string, now: Date) {
    return outboxCreate(this.db, conversation.channel, conversation.externalId, { text, from: 'staff', locale: conversation.locale }, now);
  }

  private auditRow(line: AuditLine, now: Date) {
    return auditCreate(this.db, line, now);
  }
}

function toDeskConversation(row: { id: string; channel: string; externalId: string; userName: string | null; locale: string; state: string }): DeskConversation {
  return {
    id: row.id,
    channel: (channelNames as readonly string[]).includes(row.channel) ? (row.channel as ChannelName) : 'web',
    externalId: row.externalId,
    userName: row.userName,
    locale: isLocale(row.locale) ? row.locale : 'vi',
    stillWaiting: row.state.startsWith(handoffStatePrefix),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A payload that is not JSON carries no author; the message itself still shows.
    return {};
  }
}
