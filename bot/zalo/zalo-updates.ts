import type { Attachment, AttachmentKind, InboundMessage } from '../../src/dialogue/messages.ts';
import { type ZaloMessage, type ZaloUpdate, zaloMessageSchema } from './zalo-schemas.ts';

/** What the bot does with one Zalo update. */
export type ZaloInbound =
  | {
      readonly kind: 'message';
      /** The deduplication key: `chat_id:message_id:event_name`. */
      readonly key: string;
      /** The key the bot journaled this update under before keys named the chat (see ZaloChannel). */
      readonly legacyKey: string;
      /** When the user sent it (Unix milliseconds), if Zalo says. */
      readonly sentAt: number | undefined;
      readonly chatId: string;
      readonly message: InboundMessage;
    }
  /** An event this bot does not know: ignored without error, as Zalo adds events over time. */
  | { readonly kind: 'unknown-event'; readonly event: string }
  /** A known event whose message does not have the documented shape. */
  | { readonly kind: 'invalid'; readonly event: string; readonly reason: string };

const contentOf: Record<string, AttachmentKind | 'text'> = {
  'message.text.received': 'text',
  'message.image.received': 'photo',
  'message.sticker.received': 'sticker',
  'message.voice.received': 'voice',
  'message.unsupported.received': 'other',
};

/** Translates an update into the engine's terms; only this module knows Zalo's update shapes. */
export function toInbound(update: ZaloUpdate, botName?: string): ZaloInbound {
  const content = contentOf[update.event_name];
  if (!content) return { kind: 'unknown-event', event: update.event_name };
  const parsed = zaloMessageSchema.safeParse(update.message);
  if (!parsed.success) return { kind: 'invalid', event: update.event_name, reason: parsed.error.issues[0]?.message ?? 'invalid message' };
  const message = parsed.data;
  const chatId = message.chat.id;
  let text = (message.text ?? message.caption ?? '').trim();
  // Groups only deliver messages that mention the bot: the mention itself is not part of the question.
  if (botName && message.chat.chat_type?.toUpperCase() === 'GROUP') text = text.split(`@${botName}`).join('').trim();
  const attachment = content === 'text' ? null : attachmentOf(content, message);
  const userName = message.from.display_name ?? message.from.first_name;
  return {
    kind: 'message',
    // Zalo has no update id; a redelivery repeats the message id and event. Message ids are only
    // known to be unique within a chat, so the chat is part of the key: two chats' messages with
    // the same id are two updates, not a redelivery.
    key: `${chatId}:${message.message_id}:${update.event_name}`,
    legacyKey: `${message.message_id}:${update.event_name}`,
    sentAt: message.date,
    chatId,
    message: {
      channel: 'zalo',
      externalId: chatId,
      ...(userName ? { userName } : {}),
      text,
      ...(attachment ? { attachments: [attachment] } : {}),
    },
  };
}

function attachmentOf(kind: AttachmentKind, message: ZaloMessage): Attachment {
  const source = kind === 'photo' ? message.photo : kind === 'sticker' ? message.sticker : undefined;
  const fileId = typeof source === 'string' ? source : urlIn(source);
  return { kind, ...(fileId ? { fileId } : {}) };
}

function urlIn(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const found = record.url ?? record.id ?? record.sticker_id;
  return typeof found === 'string' ? found : undefined;
}
