import type { Locale } from '../i18n/translator.ts';

export const channelNames = ['web', 'telegram', 'zalo', 'cli'] as const;
export type ChannelName = (typeof channelNames)[number];

export type AttachmentKind = 'photo' | 'document' | 'sticker' | 'voice' | 'video' | 'location' | 'other';

/** A file or other non-text content a channel received; the file itself stays on the platform. */
export interface Attachment {
  readonly kind: AttachmentKind;
  /** Platform file id or URL, kept as evidence where a flow wants it. */
  readonly fileId?: string;
  readonly fileName?: string;
  readonly mimeType?: string;
}

/** What every channel adapter turns its platform's update into. */
export interface InboundMessage {
  readonly channel: ChannelName;
  /** The platform's chat id (Telegram chat.id, Zalo chat.id, web session id). */
  readonly externalId: string;
  readonly userName?: string;
  /** '' when the message carries no text (a sticker, a photo without caption). */
  readonly text: string;
  readonly attachments?: readonly Attachment[];
  /** Set when the user pressed a button / picked an offered option: that option's id. */
  readonly choice?: string;
  /** Unique per platform delivery (Telegram update_id, Zalo message_id): replayed deliveries are ignored. */
  readonly updateKey?: string;
  /**
   * The channel has just journaled `updateKey` as never seen before, so the engine may skip looking
   * it up (one query less per message on the channels' hot path).
   */
  readonly updateKeyIsNew?: boolean;
  readonly receivedAt?: Date;
}

export interface ReplyOption {
  /** Sent back as InboundMessage.choice when picked. */
  readonly id: string;
  readonly label: string;
}

export interface ReplyFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: Uint8Array;
}

/** What the engine asks a channel to show; the adapter decides how (buttons, numbered list, ...). */
export interface Reply {
  readonly text: string;
  readonly options?: readonly ReplyOption[];
  readonly file?: ReplyFile;
  /** Written by a person on the staff, not by the bot: the channels show it as theirs. */
  readonly from?: 'staff';
  /**
   * The conversation's language, on a proactive message (the outbox): the channel formats it in
   * that language; a reply within a turn takes the turn's.
   */
  readonly locale?: Locale;
  /**
   * One copy of a message sent to many chats at once (a published warning): the channels pace such
   * copies on their own budget, and Telegram may send them as paid broadcasts.
   */
  readonly broadcast?: boolean;
}

export interface EngineResult {
  readonly conversationId: string;
  readonly locale: Locale;
  readonly replies: readonly Reply[];
  /** True when the update was already handled: the replies are those stored the first time. */
  readonly duplicate: boolean;
}
