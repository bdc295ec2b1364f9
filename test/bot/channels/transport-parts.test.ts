import { Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { TelegramTransport, telegramMaxText } from '../../../bot/telegram/telegram-transport.ts';
import { ZaloClient } from '../../../bot/zalo/zalo-client.ts';
import { ZaloTransport, zaloMaxText } from '../../../bot/zalo/zalo-transport.ts';
import type { Reply } from '../../../src/dialogue/messages.ts';
import { createTranslators } from '../../../src/i18n/translator.ts';

const citation = 'khoản 1 Điều 13 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)';
const clause = `• ${citation}: «${'Người tiêu dùng có quyền được bảo đảm an toàn tính mạng, sức khỏe, tài sản. '.repeat(5).trim()}»`;
const longAnswer: Reply = {
  text: [`Theo ${citation}: bạn có quyền được bảo đảm an toàn.`, '', 'Căn cứ:', ...Array.from({ length: 30 }, () => clause)].join('\n'),
  options: [
    { id: 'menu.complaint', label: 'Khiếu nại' },
    { id: 'menu.human', label: 'Gặp nhân viên' },
  ],
  file: { fileName: 'don.pdf', mimeType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) },
};
const translators = createTranslators();
const citationsIn = (texts: string[]) => texts.flatMap((t) => t.match(/khoản \d+ Điều \d+ [^()]*\([^)]*\)/g) ?? []);

describe('replies as platform messages', () => {
  it('Telegram: parts under 4,096 characters, citations whole, buttons under the last text, the file after it', () => {
    const parts = new TelegramTransport(new Bot('1:unused').api, translators).parts([longAnswer], 'vi');
    const texts = parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(telegramMaxText);
    expect(citationsIn(texts)).toEqual(Array.from({ length: 31 }, () => citation));
    expect(parts.map((p) => (p.kind === 'text' ? (p.options?.length ?? 0) : 'file'))).toEqual([...texts.slice(1).map(() => 0), 2, 'file']);
  });

  it('Zalo: parts under 2,000 characters, options numbered at the end, a notice instead of the file', () => {
    const client = new ZaloClient({ token: 'unused', baseUrl: 'http://127.0.0.1:9' });
    const texts = new ZaloTransport(client, translators).parts([longAnswer], 'vi').map((p) => (p.kind === 'text' ? p.text : ''));
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(zaloMaxText);
    expect(citationsIn(texts)).toHaveLength(31);
    expect(texts.at(-2)).toMatch(/\n1\. Khiếu nại\n2\. Gặp nhân viên$/);
    expect(texts.at(-1)).toContain('"don.pdf" không gửi được qua kênh này');
  });
});
