import type { ChannelName, Reply } from '../dialogue/messages.ts';
import type { Locale } from '../i18n/translator.ts';
import type { Handoff } from './handoff-store.ts';

/** States of the hand-off flow (handoff-flow.ts) start with it. */
export const handoffStatePrefix = 'handoff.';
/** After staff close the chat, the user's next message may be the answer to "how was the help?". */
export const ratingState = `${handoffStatePrefix}rating`;

/** The chat a hand-off belongs to, as staff see it. */
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
  /** What the user last wrote (not the bot's hand-off text): what staff need to see in the queue. */
  readonly lastMessage: { readonly text: string; readonly createdAt: Date } | null;
}

/** A staff member's internal note on a chat (never sent to the user). */
export interface HandoffNote {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly createdAt: Date;
}

/** A complaint filed from the same conversation, linked from the chat page. */
export interface LinkedComplaint {
  readonly reference: string;
  readonly status: string;
  readonly createdAt: Date;
}

export interface DeskMessage {
  readonly id: string;
  readonly direction: 'in' | 'out' | 'staff';
  readonly text: string;
  readonly createdAt: Date;
  /** The staff member who wrote a "staff" message. */
  readonly by: string | null;
}

/** A staff member's reply, stored with the hand-off's new state and its audit line in one step. */
export interface StaffReplyRecord {
  readonly handoffId: string;
  readonly conversation: DeskConversation;
  readonly staffEmail: string;
  readonly text: string;
  readonly handoff: Pick<Handoff, 'status' | 'firstResponseAt' | 'assignedTo'>;
  readonly audit: AuditLine;
  readonly now: Date;
}

/**
 * Closing: the bot's goodbye to the user, the hand-off's end, and the chat given back to the bot if
 * it is still in the hand-off at that moment (its state starts with handoffStatePrefix); one the user
 * already left stays where the user went.
 */
export interface CloseRecord {
  readonly handoffId: string;
  readonly conversation: DeskConversation;
  /** The goodbye and the satisfaction question with its buttons. */
  readonly farewell: Reply;
  /** Where a conversation still in the hand-off goes: the rating question's state. */
  readonly next: { readonly state: string; readonly stateData: unknown };
  readonly assignedTo: string;
  readonly audit: AuditLine;
  readonly now: Date;
}

export interface AuditLine {
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly detail: Record<string, unknown>;
}

/**
 * What the staff desk needs from storage (src/storage/prisma-handoff-desk-store.ts implements it).
 * Each write is one transaction: a reply is never recorded without its outbox item, nor a close
 * without its audit line.
 */
export interface HandoffDeskStore {
  /** Open (waiting and active) hand-offs with each chat's last message: active first, then longest waiting. */
  open(limit: number): Promise<InboxItem[]>;
  recentlyClosed(limit: number): Promise<InboxItem[]>;
  waitingCount(): Promise<number>;
  find(handoffId: string): Promise<{ handoff: Handoff; conversation: DeskConversation } | null>;
  /**
   * Up to `limit` messages of a chat, newest first, older than the message `before` when it is one of
   * this chat's (`cursorFound` says whether it was).
   */
  messages(conversationId: string, before: string | undefined, limit: number): Promise<{ messages: DeskMessage[]; cursorFound: boolean }>;
  /** How many messages the chat has and the newest one's id. */
  messageState(conversationId: string): Promise<{ count: number; latest: string | null }>;
  /** The chat's internal notes, oldest first. */
  notes(handoffId: string): Promise<HandoffNote[]>;
  /** Adds a note with its audit line. */
  addNote(handoffId: string, note: Omit<HandoffNote, 'id'>, audit: AuditLine): Promise<void>;
  /** Complaints filed from this conversation, newest first. */
  complaintsOf(conversationId: string): Promise<LinkedComplaint[]>;
  recordReply(reply: StaffReplyRecord): Promise<void>;
  /**
   * Gives the open hand-off to `assignedTo` (null: back to the shared queue) with its audit line;
   * false when it was closed meanwhile.
   */
  recordAssignment(handoffId: string, assignedTo: string | null, audit: AuditLine, now: Date): Promise<boolean>;
  recordClose(close: CloseRecord): Promise<void>;
  /** An audit line on its own (a transcript was read). */
  audit(line: AuditLine, now: Date): Promise<void>;
}
