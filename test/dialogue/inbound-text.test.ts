import { describe, expect, it } from 'vitest';
import { cleanInbound, cleanInboundText, cleaningInbound } from '../../src/dialogue/inbound-text.ts';
import type { EngineResult, InboundMessage } from '../../src/dialogue/messages.ts';

describe('inbound text', () => {
  it('drops NUL and the other C0 control characters, keeping tab and line feed', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    // Tab and line feed stay; the carriage return (U+000D) becomes a line feed.
    expect(cleanInboundText(`a${controls}b`)).toBe('a\t\n\nb');
    expect(cleanInboundText('bảo hành\u0000 điện thoại\u001b[31m')).toBe('bảo hành điện thoại[31m');
    expect(cleanInboundText('Điều 30\tkhoản 1\n')).toBe('Điều 30\tkhoản 1\n');
  });

  it('turns a carriage return, alone or before a line feed, into one line break', () => {
    expect(cleanInboundText('dòng 1\r\ndòng 2\rdòng 3')).toBe('dòng 1\ndòng 2\ndòng 3');
  });

  it('leaves letters, DEL and non-Latin text alone', () => {
    const text = 'Người tiêu dùng \u007f 消费者 😀 \u00a0ĐƯỢC';
    expect(cleanInboundText(text)).toBe(text);
  });

  it('cleans what the user controls and keeps the identities the channel journaled', () => {
    const message: InboundMessage = {
      channel: 'telegram',
      externalId: '42',
      userName: 'Lan\u0000',
      text: 'xin\u0000 chào',
      choice: 'menu.ask\u0000',
      updateKey: '1001',
      attachments: [{ kind: 'document', fileId: 'f\u00001', fileName: 'hoa-don\u0000.pdf', mimeType: 'application/pdf' }, { kind: 'photo' }],
    };
    expect(cleanInbound(message)).toEqual({
      channel: 'telegram',
      externalId: '42',
      userName: 'Lan',
      text: 'xin chào',
      choice: 'menu.ask',
      updateKey: '1001',
      attachments: [{ kind: 'document', fileId: 'f1', fileName: 'hoa-don.pdf', mimeType: 'application/pdf' }, { kind: 'photo' }],
    });
    expect(cleanInbound({ channel: 'web', externalId: 's', text: 'a' })).toEqual({ channel: 'web', externalId: 's', text: 'a' });
  });

  it('hands the engine only cleaned messages', async () => {
    const seen: InboundMessage[] = [];
    const result: EngineResult = { conversationId: 'c', locale: 'vi', replies: [], duplicate: false };
    const engine = cleaningInbound({
      handle: async (message) => {
        seen.push(message);
        return result;
      },
      records: async () => [],
    });
    expect(await engine.handle({ channel: 'cli', externalId: 'x', text: '\u0000/start\u0000' })).toBe(result);
    expect(seen.map((m) => m.text)).toEqual(['/start']);
  });
});
