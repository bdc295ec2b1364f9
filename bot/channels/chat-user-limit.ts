import type { EngineResult, InboundMessage } from '../../src/dialogue/messages.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { MessageHandler } from './inbound-pipeline.ts';

/** Messages one Telegram or Zalo chat may have answered per minute: a person, not a script. */
export const chatUserPerMinute = 30;
const minute = 60_000;
/** Chats remembered at once; the oldest windows are dropped first (they have expired or will). */
const maxTracked = 50_000;

/**
 * The per-user rate limit of the chat platforms. Their webhooks arrive from a handful of the
 * platform's addresses, so the per-address limit (bot/web/rate-limits.ts) cannot tell one flooding
 * user from everyone else; this counts each chat. Over the limit, a message is not handed to the
 * engine (no retrieval, no database work beyond the journal row that settles it): the first one of
 * the minute is answered with the same polite text as the web chat's 429, the rest with nothing,
 * so a flood is not mirrored back at the platform. Counted in this process's memory, like the
 * web limits (docs/deployment.md).
 */
export function limitPerChatUser(handle: MessageHandler, options: { readonly translators: (locale: Locale) => Translator; readonly clock: Clock; readonly perMinute?: number }): MessageHandler {
  const limit = options.perMinute ?? chatUserPerMinute;
  const windows = new Map<string, { start: number; count: number }>();
  return async (message: InboundMessage): Promise<EngineResult> => {
    const now = options.clock.now().getTime();
    const key = `${message.channel}:${message.externalId}`;
    let window = windows.get(key);
    if (!window || now - window.start >= minute) {
      windows.delete(key);
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > maxTracked) windows.delete(windows.keys().next().value!);
    }
    window.count += 1;
    if (window.count <= limit) return handle(message);
    const replies = window.count === limit + 1 ? [{ text: options.translators('vi').t('channels.web.rateLimited') }] : [];
    return { conversationId: '', locale: 'vi', replies, duplicate: false };
  };
}
