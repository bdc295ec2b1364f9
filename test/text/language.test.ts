import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/text/lexicon.ts';
import { detectLanguage } from '../../src/text/language.ts';

const lexicon = defaultLexicon();

describe('telling English from Vietnamese on chat messages', () => {
  it.each([
    'refund?',
    'warranty',
    'what if it broke after a week',
    'Can I return a phone I bought on Shopee?',
    'the shop refuses to give me an invoice',
    'is this legal',
    "what does 'giao dịch từ xa' mean",
  ])('"%s" is English', (text) => {
    expect(detectLanguage(text, lexicon)).toBe('en');
  });

  it.each([
    'shop ko refund',
    'bh dc ko',
    'hàng lỗi đổi được không',
    'mua hang online bi loi thi doi duoc khong',
    'ad oi shop bung hang roi',
    'sp ko giong hinh thi lam sao',
    'co duoc tra hang khong',
    'shop ghi "no refund" thì có đúng luật không',
  ])('"%s" is Vietnamese', (text) => {
    expect(detectLanguage(text, lexicon)).toBe('vi');
  });
});
