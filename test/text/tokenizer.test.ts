import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenizer.ts';

describe('tokenize', () => {
  it('splits on punctuation and spaces into lower-case syllables', () => {
    expect(tokenize('Sản phẩm, hàng hóa (nếu có); Điều 30.').map((t) => t.text)).toEqual([
      'sản', 'phẩm', 'hàng', 'hóa', 'nếu', 'có', 'điều', '30',
    ]);
  });

  it('gives folded and exact forms for each syllable', () => {
    const [t] = tokenize('Người');
    expect(t).toMatchObject({ text: 'người', folded: 'nguoi', marked: true });
    expect(tokenize('nguoi')[0]).toMatchObject({ folded: 'nguoi', marked: false });
  });

  it('reads NFC and NFD text the same way', () => {
    const nfc = tokenize('khiếu nại bảo hành');
    const nfd = tokenize('khiếu nại bảo hành'.normalize('NFD'));
    expect(nfd).toEqual(nfc);
  });

  it('drops leading zeros so "03 ngày" and "3 ngày" match', () => {
    expect(tokenize('03 ngày làm việc')[0]!.text).toBe('3');
    expect(tokenize('0 đồng')[0]!.text).toBe('0');
  });
});
