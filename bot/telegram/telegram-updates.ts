import type { Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import type { Attachment, InboundMessage } from '../../src/dialogue/messages.ts';

/** What the bot does with one Telegram update. */
export type TelegramInbound =
  | { readonly kind: 'message'; readonly chatId: string; readonly message: InboundMessage; readonly callbackQueryId?: string }
  /** Nothing to answer (an edit, a group message not addressed to the bot, an unknown update type). */
  | { readonly kind: 'ignore'; readonly chatId: string | null };

/** Button data longer than Telegram's 64 bytes is sent as "#<n>": the engine maps the number back. */
export const numberedChoicePrefix = '#';

/** Translates an update into the engine's terms; only this module knows Telegram's update shapes. */
export function toInbound(update: Update, me: UserFromGetMe): TelegramInbound {
  if (update.message) return fromMessage(update.message, me);
  const query = update.callback_query;
  if (query?.message && query.data !== undefined) {
    const chatId = String(query.message.chat.id);
    const numbered = query.data.startsWith(numberedChoicePrefix) ? query.data.slice(numberedChoicePrefix.length) : null;
    const label = 'reply_markup' in query.message ? buttonLabel(query.message.reply_markup?.inline_keyboard, query.data) : undefined;
    return {
      kind: 'message',
      chatId,
      callbackQueryId: query.id,
      message: {
        channel: 'telegram',
        externalId: chatId,
        userName: query.from.first_name,
        ...(numbered ? { text: numbered } : { text: label ?? '', choice: query.data }),
      },
    };
  }
  const chat = update.edited_message?.chat ?? update.callback_query?.message?.chat ?? update.my_chat_member?.chat;
  return { kind: 'ignore', chatId: chat ? String(chat.id) : null };
}

function fromMessage(message: Message, me: UserFromGetMe): TelegramInbound {
  const chatId = String(message.chat.id);
  let text = message.text ?? message.caption ?? '';
  if (message.chat.type !== 'private') {
    // Groups: only messages that mention the bot or reply to it are for the bot.
    if (!addressesBot(message, me)) return { kind: 'ignore', chatId };
    text = text.replace(new RegExp(`(^|\\s)@${escapeRegExp(me.username)}\\b`, 'gi'), '$1').trim();
  }
  const attachments = attachmentsOf(message);
  // Service messages (members joining, pins) carry neither text nor content.
  if (text === '' && attachments.length === 0) return { kind: 'ignore', chatId };
  return {
    kind: 'message',
    chatId,
    message: {
      channel: 'telegram',
      externalId: chatId,
      ...(message.from?.first_name ? { userName: message.from.first_name } : {}),
      text,
      ...(attachments.length > 0 ? { attachments } : {}),
    },
  };
}

function addressesBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? '';
  const entities: readonly MessageEntity[] = message.entities ?? message.caption_entities ?? [];
  const mention = `@${me.username.toLowerCase()}`;
  return entities.some((e) => {
    const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === 'mention') return part === mention;
    if (e.type === 'bot_command') return part.endsWith(mention);
    if (e.type === 'text_mention') return e.user.id === me.id;
    return false;
  });
}

function attachmentsOf(message: Message): Attachment[] {
  const found: Attachment[] = [];
  const largestPhoto = message.photo?.at(-1);
  if (largestPhoto) found.push({ kind: 'photo', fileId: largestPhoto.file_id, mimeType: 'image/jpeg' });
  if (message.document) {
    found.push({
      kind: 'document',
      fileId: message.document.file_id,
      ...(message.document.file_name ? { fileName: message.document.file_name } : {}),
      ...(message.document.mime_type ? { mimeType: message.document.mime_type } : {}),
    });
  }
  if (message.sticker) found.push({ kind: 'sticker', fileId: message.sticker.file_id });
  if (message.voice) found.push({ kind: 'voice', fileId: message.voice.file_id, ...(message.voice.mime_type ? { mimeType: message.voice.mime_type } : {}) });
  if (message.audio) found.push({ kind: 'voice', fileId: message.audio.file_id, ...(message.audio.mime_type ? { mimeType: message.audio.mime_type } : {}) });
  if (message.video ?? message.video_note) found.push({ kind: 'video', fileId: (message.video ?? message.video_note)!.file_id });
  if (message.location) found.push({ kind: 'location', fileId: `geo:${message.location.latitude},${message.location.longitude}` });
  if (message.contact ?? message.poll ?? message.dice) found.push({ kind: 'other' });
  return found;
}

function buttonLabel(keyboard: ReadonlyArray<ReadonlyArray<{ text: string; callback_data?: string }>> | undefined, data: string): string | undefined {
  return keyboard?.flat().find((b) => b.callback_data === data)?.text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
