import { describe, expect, it } from 'vitest';
import type { ChannelTransport } from '../../../bot/channels/inbound-pipeline.ts';
import { outboxParts } from '../../../bot/channels/outbox-parts.ts';
import type { Reply } from '../../../src/dialogue/messages.ts';
import type { Locale } from '../../../src/i18n/translator.ts';
import { createTranslators } from '../../../src/i18n/translator.ts';

// A transport that shows what it was asked: the text and the locale it formats in.
const asked: Locale[] = [];
const transport: ChannelTransport = {
  parts: (replies: readonly Reply[], locale: Locale) => (asked.push(locale), replies.map((r) => ({ kind: 'text' as const, text: r.text }))),
  send: async () => {},
  typing: async () => {},
};
const translators = createTranslators();

describe('outboxParts', () => {
  it('puts a staff member’s words under their label, in the conversation’s language', () => {
    expect(outboxParts(transport, translators, { text: 'Em là An.', from: 'staff', locale: 'vi' })).toEqual([{ kind: 'text', text: '👤 Nhân viên hỗ trợ:\nEm là An.' }]);
    expect(outboxParts(transport, translators, { text: 'This is An.', from: 'staff', locale: 'en' })).toEqual([{ kind: 'text', text: '👤 Support staff:\nThis is An.' }]);
    expect(asked).toEqual(['vi', 'en']);
  });

  it('leaves the bot’s own messages as they are, in Vietnamese when the writer did not know the language', () => {
    expect(outboxParts(transport, translators, { text: 'Nhắc hạn khiếu nại.' })).toEqual([{ kind: 'text', text: 'Nhắc hạn khiếu nại.' }]);
    expect(asked.at(-1)).toBe('vi');
  });
});
