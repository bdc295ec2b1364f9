/**
 * Whether a journaled Telegram or Zalo update belongs to a chat: both platforms name the chat as a
 * `chat` object with an `id` (Telegram `message.chat`, `edited_message.chat`,
 * `callback_query.message.chat`, `my_chat_member.chat`…; Zalo `message.chat`), wherever in the
 * update it sits. Used by erasure (/xoadulieu) to find the updates that never reached the engine
 * and so name no conversation: an edit, a group message not addressed to the bot.
 */
export function updateOfChat(payload: string, externalId: string): boolean {
  let update: unknown;
  try {
    update = JSON.parse(payload);
  } catch {
    return false;
  }
  return namesChat(update, externalId, 0);
}

function namesChat(value: unknown, externalId: string, depth: number): boolean {
  // Updates nest a few levels (a reply quotes a message that quotes a chat); deeper is not an update.
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  const chat = (value as { chat?: { id?: unknown } }).chat;
  if (chat && typeof chat === 'object' && (typeof chat.id === 'string' || typeof chat.id === 'number') && String(chat.id) === externalId) return true;
  return Object.values(value).some((v) => namesChat(v, externalId, depth + 1));
}
