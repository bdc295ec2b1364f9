import type { Locale } from '../i18n/translator.ts';
import type { ChannelName, InboundMessage, Reply, ReplyOption } from './messages.ts';

export interface ConversationSnapshot {
  readonly id: string;
  readonly channel: ChannelName;
  readonly externalId: string;
  readonly userName: string | null;
  readonly locale: Locale;
  /** "idle" or "<flow>.<step>". */
  readonly state: string;
  readonly stateData: unknown;
  /** Context for follow-up questions. */
  readonly context: unknown;
  /** The options offered by the last reply, so "2" typed on any channel picks the second one. */
  readonly lastOptions: readonly ReplyOption[];
}

export interface ConversationUpdate {
  readonly locale?: Locale;
  readonly state?: string;
  readonly stateData?: unknown;
  readonly context?: unknown;
  readonly userName?: string | null;
  readonly lastOptions?: readonly ReplyOption[];
}

export interface TranscriptEntry {
  readonly direction: 'in' | 'out' | 'staff';
  readonly text: string;
  readonly createdAt: Date;
}

/**
 * One turn, saved atomically: the inbound message, the replies, the new state, and the update key's
 * replies, so a crash leaves either the whole turn or none of it.
 */
export interface TurnToSave {
  readonly conversationId: string;
  readonly inbound: InboundMessage;
  readonly replies: readonly Reply[];
  readonly update: ConversationUpdate;
  readonly updateKey?: string | undefined;
  readonly now: Date;
}

/**
 * Persistence the dialogue engine needs, kept as a port so the engine knows nothing of Prisma.
 * Implemented by src/storage/prisma-conversation-store.ts.
 */
export interface ConversationStore {
  findOrCreate(channel: ChannelName, externalId: string, userName: string | undefined, now: Date): Promise<ConversationSnapshot>;
  /** The conversation if it exists; reading never creates one. */
  find(channel: ChannelName, externalId: string): Promise<ConversationSnapshot | null>;
  /**
   * The replies stored for an update that was already handled, or null. The key is written in the
   * same transaction as the turn (saveTurn), so a crash before that leaves it unhandled and the
   * redelivered update is processed afresh.
   */
  handledUpdate(channel: ChannelName, key: string): Promise<readonly Reply[] | null>;
  /**
   * Saves one turn atomically: the inbound message, the replies, the new state, and the update key's
   * replies, so a crash leaves either the whole turn or none of it.
   */
  saveTurn(turn: TurnToSave): Promise<void>;
  /** The conversation's latest `limit` messages (default 500), oldest first. */
  transcript(conversationId: string, limit?: number): Promise<TranscriptEntry[]>;
}
