import { describe, expect, it } from 'vitest';
import { hasWords, looksEnglish, parseCommand, smallTalk } from '../../src/dialogue/text-signals.ts';
import { fold } from '../../src/text/vietnamese-unicode.ts';

describe('text signals', () => {
  it('folds diacritics and case', () => {
    expect(fold('  CẢM ƠN   Đức ')).toBe('cam on duc');
  });

  it('tells words from emoji and punctuation, in any script', () => {
    expect(hasWords('😀😀🎉')).toBe(false);
    expect(hasWords('?!... ---')).toBe(false);
    expect(hasWords('ok 👍')).toBe(true);
    expect(hasWords('消费者')).toBe(true);
  });

  it('recognises greetings, thanks, cancel and language switches with or without diacritics', () => {
    expect(smallTalk('Xin chào!')).toBe('greeting');
    expect(smallTalk('chao ban')).toBe('greeting');
    expect(smallTalk('cảm ơn nhé')).toBe('thanks');
    expect(smallTalk('English please')).toBe('english');
    expect(smallTalk('tiếng việt')).toBe('vietnamese');
    expect(smallTalk('hủy')).toBe('cancel');
    expect(smallTalk('chào bạn, cho tôi hỏi về bảo hành')).toBeNull();
  });

  it('detects English questions but not Vietnamese without diacritics', () => {
    expect(looksEnglish('Can the shop refuse to give me a refund?')).toBe(true);
    expect(looksEnglish('shop ko xuat hoa don cho e dc ko')).toBe(false);
    expect(looksEnglish('bảo hành là gì')).toBe(false);
  });

  it('parses commands, with a bot mention and arguments', () => {
    expect(parseCommand('/khieunai@BvntdBot status')).toEqual({ command: 'khieunai', args: 'status' });
    expect(parseCommand('/start')).toEqual({ command: 'start', args: '' });
    expect(parseCommand('không phải lệnh')).toBeNull();
  });
});
