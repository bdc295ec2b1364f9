import { z } from 'zod';
import type { Locale, Translator } from '../i18n/translator.ts';
import { ratingState, type AuditLine, type DeskConversation, type DeskMessage, type HandoffDeskStore, type HandoffNote, type InboxItem, type LinkedComplaint } from './handoff-desk-store.ts';
import { ratingOptionId, ratingScale, type Handoff } from './handoff-store.ts';

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

/** Messages shown per page of a chat; older ones are a page away. */
export const transcriptPageSize = 200;

/** The inbox shows at most this many open hand-offs (a backlog beyond it is a staffing problem, not a page). */
const inboxLimit = 500;

/** The inbox's views: every open chat, those the reader took, those nobody has taken yet. */
export const inboxFilters = ['all', 'mine', 'unassigned'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

export interface InboxView {
  readonly items: InboxItem[];
  /** How many open chats each view holds, for its tab. */
  readonly counts: Record<InboxFilter, number>;
}

/** One page of a chat, oldest first. */
export interface TranscriptPage {
  readonly item: InboxItem;
  /** Complaints filed from the same conversation. */
  readonly complaints: LinkedComplaint[];
  /** Staff's internal notes on this chat, oldest first. */
  readonly notes: HandoffNote[];
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
export const staffNoteSchema = z.string().trim().min(1).max(2000);


/**
 * The staff side of hand-offs: the inbox, reading a chat (on the record), replying (the reply goes
 * to the outbox, which the channel delivers to the same chat) and closing (the bot says so and takes
 * the conversation back). Every change is stored with its audit line in one transaction.
 */
export class HandoffDesk {
  constructor(
    private readonly store: HandoffDeskStore,
    private readonly translators: (locale: Locale) => Translator,
  ) {}

  /** Open hand-offs: the waiting ones, longest waiting first, then those being answered. */
  inbox(): Promise<InboxItem[]> {
    return this.store.open(inboxLimit);
  }

  /** The inbox as one staff member sees it: one view of it, and the size of every view. */
  async inboxFor(staffEmail: string, filter: InboxFilter): Promise<InboxView> {
    const all = await this.inbox();
    const views: Record<InboxFilter, InboxItem[]> = {
      all,
      mine: all.filter((i) => i.handoff.assignedTo === staffEmail),
      unassigned: all.filter((i) => i.handoff.assignedTo === null),
    };
    return { items: views[filter], counts: { all: all.length, mine: views.mine.length, unassigned: views.unassigned.length } };
  }

  recentlyClosed(limit: number): Promise<InboxItem[]> {
    return this.store.recentlyClosed(limit);
  }

  waitingCount(): Promise<number> {
    return this.store.waitingCount();
  }

  /**
   * The hand-off and its chat's latest messages, or with `before` (a message id from `older`) the
   * messages just before that one: a long chat opens on its newest messages, and older ones are
   * read page by page. A `before` that is not a message of this chat opens the latest page. With
   * `reader`, the reading is audited: a transcript shows a person's words and contacts in full.
   */
  async detail(handoffId: string, options: { before?: string; limit?: number; reader?: string; now?: Date } = {}): Promise<TranscriptPage> {
    const found = await this.existing(handoffId);
    const limit = options.limit ?? transcriptPageSize;
    // One more than shown, to learn whether older messages exist.
    const [{ messages, cursorFound }, complaints, notes] = await Promise.all([
      this.store.messages(found.conversation.id, options.before, limit + 1),
      this.store.complaintsOf(found.conversation.id),
      this.store.notes(handoffId),
    ]);
    if (options.reader) {
      await this.store.audit({ actor: options.reader, action: 'handoff.view', target: handoffId, detail: { handoffId } }, options.now ?? new Date());
    }
    const shown = messages.slice(0, limit).reverse();
    return {
      item: { ...found, lastMessage: null },
      complaints,
      notes,
      transcript: shown,
      older: messages.length > limit ? (shown[0]?.id ?? null) : null,
      newer: cursorFound,
    };
  }

  /** Changes whenever a message is added to the chat (however long it is) or the hand-off's status changes. */
  async chatState(handoffId: string): Promise<ChatState> {
    const found = await this.existing(handoffId);
    const { count, latest } = await this.store.messageState(found.conversation.id);
    return { messages: count, latest, status: found.handoff.status };
  }

  async reply(handoffId: string, staffEmail: string, rawText: string, now: Date): Promise<void> {
    const text = staffReplySchema.parse(rawText);
    const { handoff, conversation } = await this.openHandoff(handoffId);
    await this.store.recordReply({
      handoffId,
      conversation,
      staffEmail,
      text,
      // The first reply makes the hand-off active and its author the one who took it.
      handoff: { status: 'active', firstResponseAt: handoff.firstResponseAt ?? now, assignedTo: handoff.assignedTo ?? staffEmail },
      audit: { actor: staffEmail, action: 'handoff.reply', target: conversation.id, detail: { handoffId, length: text.length } },
      now,
    });
  }

  /** An internal note for colleagues: kept with the chat, never sent to the user; closed chats take notes too. */
  async addNote(handoffId: string, staffEmail: string, rawText: string, now: Date): Promise<void> {
    const text = staffNoteSchema.parse(rawText);
    const found = await this.existing(handoffId);
    await this.store.addNote(handoffId, { author: staffEmail, text, createdAt: now }, { actor: staffEmail, action: 'handoff.note', target: found.conversation.id, detail: { handoffId, length: text.length } });
  }

  /**
   * Ends the hand-off: the user is told, asked once how the help was (buttons 1–5), and the bot takes
   * the conversation back; the rating question's state lets the flow record the answer.
   */
  async close(handoffId: string, staffEmail: string, now: Date): Promise<void> {
    const { handoff, conversation } = await this.openHandoff(handoffId);
    const t = this.translators(conversation.locale);
    await this.store.recordClose({
      handoffId,
      conversation,
      farewell: {
        text: `${t.t('handoff.closedByStaff')}\n${t.t('handoff.rating.question')}`,
        options: ratingScale.map((r) => ({ id: ratingOptionId(r), label: t.t(`handoff.rating.option.${r}`) })),
      },
      next: { state: ratingState, stateData: { handoffId } },
      assignedTo: handoff.assignedTo ?? staffEmail,
      audit: { actor: staffEmail, action: 'handoff.close', target: conversation.id, detail: { handoffId } },
      now,
    });
  }

  /**
   * `staffEmail` takes the chat: it shows under their "mine" and colleagues see who answers it. Taking
   * a chat a colleague holds is allowed (they may be away); the audit line says from whom.
   */
  async take(handoffId: string, staffEmail: string, now: Date): Promise<void> {
    const { handoff, conversation } = await this.openHandoff(handoffId);
    if (handoff.assignedTo === staffEmail) return;
    await this.assign(handoffId, staffEmail, { actor: staffEmail, action: 'handoff.assign', target: conversation.id, detail: { handoffId, from: handoff.assignedTo } }, now);
  }

  /** Puts the chat back in the shared queue ("unassigned") for a colleague to take. */
  async release(handoffId: string, staffEmail: string, now: Date): Promise<void> {
    const { handoff, conversation } = await this.openHandoff(handoffId);
    if (handoff.assignedTo === null) return;
    await this.assign(handoffId, null, { actor: staffEmail, action: 'handoff.release', target: conversation.id, detail: { handoffId, from: handoff.assignedTo } }, now);
  }

  private async assign(handoffId: string, to: string | null, audit: AuditLine, now: Date): Promise<void> {
    if (!(await this.store.recordAssignment(handoffId, to, audit, now))) throw new HandoffDeskError(`hand-off ${handoffId} is closed`, 'closed');
  }

  private async existing(handoffId: string): Promise<{ handoff: Handoff; conversation: DeskConversation }> {
    const found = await this.store.find(handoffId);
    if (!found) throw new HandoffDeskError(`hand-off ${handoffId} does not exist`, 'not_found');
    return found;
  }

  private async openHandoff(handoffId: string): Promise<{ handoff: Handoff; conversation: DeskConversation }> {
    const found = await this.existing(handoffId);
    if (found.handoff.status === 'closed') throw new HandoffDeskError(`hand-off ${handoffId} is closed`, 'closed');
    return found;
  }
}
