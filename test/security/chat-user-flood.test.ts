import { describe, expect, it } from 'vitest';
import { ChatUserLimit } from '../../bot/channels/chat-user-limit.ts';
import type { EngineResult, InboundMessage } from '../../src/dialogue/messages.ts';
import { createTranslators } from '../../src/i18n/translator.ts';

// Issue 12, item 2: a rate limit per channel user. Webhooks come from the platform's few addresses,
// so only a count per chat stops one user's flood from costing everyone's turns.
describe('per-chat-user limit on Telegram and Zalo', () => {
  it('hands a chat 30 messages a minute to the engine, answers the 31st politely once, and drops the rest silently', async () => {
    let now = new Date('2026-11-23T03:00:00Z');
    const handled: string[] = [];
    const engine = async (m: InboundMessage): Promise<EngineResult> => {
      handled.push(`${m.externalId}:${m.text}`);
      return { conversationId: 'c', locale: 'vi', replies: [{ text: 'ok' }], duplicate: false };
    };
    const limit = new ChatUserLimit({ translators: createTranslators(), clock: { now: () => now } });
    // As the pipeline uses it: asked first, the engine only for what it lets through.
    const handle = async (m: InboundMessage): Promise<EngineResult> => {
      const refused = limit.admit(m);
      return refused ? { conversationId: '', locale: 'vi', replies: [...refused], duplicate: false } : engine(m);
    };
    const flood = [];
    for (let i = 0; i < 40; i++) flood.push(await handle({ channel: 'telegram', externalId: '42', text: `m${i}` }));
    // Another user of the same platform is not held back by the flood.
    const other = await handle({ channel: 'telegram', externalId: '43', text: 'xin chào' });
    expect(handled.filter((h) => h.startsWith('42:'))).toHaveLength(30);
    expect(flood[30]!.replies.map((r) => r.text)).toEqual(['Bạn gửi nhanh quá, hệ thống cần nghỉ một chút. Bạn đợi khoảng một phút rồi gửi tiếp nhé.']);
    expect(flood.slice(31).every((r) => r.replies.length === 0)).toBe(true);
    expect(other.replies).toEqual([{ text: 'ok' }]);
    // The same chat id on another channel is another user.
    await handle({ channel: 'zalo', externalId: '42', text: 'zalo' });
    expect(handled).toContain('42:zalo');
    // A minute later the chat is answered again.
    now = new Date(now.getTime() + 60_000);
    await handle({ channel: 'telegram', externalId: '42', text: 'later' });
    expect(handled).toContain('42:later');
  });
});
