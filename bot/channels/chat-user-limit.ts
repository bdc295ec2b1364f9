import type { InboundMessage, Reply } from '../../src/dialogue/messages.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';

/** Messages one Telegram or Zalo chat may have answered per minute: a person, not a script. */
export const chatUserPerMinute = 30;
const minute = 60_000;
/** Chats remembered at once; the oldest windows are dropped first (they have expired or will). */
const maxTracked = 50_000;

/**
 * The per-user rate limit of the chat platforms. Their webhooks arrive from a handful of the
 * platform's addresses, so the per-address limit (bot/web/rate-limits.ts) cannot tell one flooding
 * user from everyone else; this counts each chat. The pipeline asks it before a message takes a turn
 * slot: a message over the limit gets no slot, no typing indicator, no engine work, only the journal
 * row that settles it. The first one of the minute is answered with the same polite text as the web
 * chat's 429, the rest with nothing, so a flood is not mirrored back at the platform. Counted in this
 * process's memory, like the web limits (docs/deployment.md).
 */
export class ChatUserLimit {
  private readonly limit: number;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: { readonly translators: (locale: Locale) => Translator; readonly clock: Clock; readonly perMinute?: number }) {
    this.limit = options.perMinute ?? chatUserPerMinute;
  }

  /** Null: let the message through. Otherwise the replies it gets instead (the polite line once a minute, then none). */
  admit(message: Pick<InboundMessage, 'channel' | 'externalId'>): readonly Reply[] | null {
    const now = this.options.clock.now().getTime();
    const key = `${message.channel}:${message.externalId}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= minute) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > maxTracked) this.windows.delete(this.windows.keys().next().value!);
    }
    window.count += 1;
    if (window.count <= this.limit) return null;
    return window.count === this.limit + 1 ? [{ text: this.options.translators('vi').t('channels.web.rateLimited') }] : [];
  }
}
