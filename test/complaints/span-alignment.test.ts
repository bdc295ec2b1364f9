import { describe, expect, it } from 'vitest';
import { alignStory, findValue } from '../../src/complaints/span-alignment.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';
import { spanTokens } from '../../src/complaints/span-tokens.ts';

const tokens = (text: string) => spanTokens(foldAligned(text));
const words = (text: string, span: { start: number; end: number }) =>
  tokens(text)
    .slice(span.start, span.end)
    .map((t) => t.original)
    .join(' ');

describe('tokens', () => {
  it('keep numbers and amounts whole and every mark apart', () => {
    expect(tokens('Mua "Đèn Xinh" giá 1.250.000đ, 0903 123').map((t) => t.original)).toEqual(['Mua', '"', 'Đèn', 'Xinh', '"', 'giá', '1.250.000đ', ',', '0903', '123']);
  });

  it('carry the folded and the typed form at the same offsets', () => {
    const [first] = tokens('Sữa');
    expect(first).toEqual({ start: 0, end: 3, original: 'Sữa', lower: 'sữa', folded: 'sua' });
  });
});

describe('aligning an expected value to the words of a story', () => {
  it('finds a value typed without diacritics or in another case', () => {
    const text = 'toi mua bo noi inox cua nick zalo GIA DUNG SALE';
    expect(findValue(tokens(text), 'bộ nồi inox').map((s) => words(text, s))).toEqual(['bo noi inox']);
    expect(findValue(tokens(text), 'Gia Dụng Sale').map((s) => words(text, s))).toEqual(['GIA DUNG SALE']);
  });

  it('skips marks inside a value but never starts on one', () => {
    const text = 'shop Nhà Xinh - Decor bán';
    expect(findValue(tokens(text), 'Nhà Xinh Decor').map((s) => words(text, s))).toEqual(['Nhà Xinh - Decor']);
  });

  it('labels every place the value stands, in every message', () => {
    const alignment = alignStory({ id: 'a', messages: ['Mua ở shop Mây hôm qua', 'shop Mây không trả lời'], values: { seller: 'Mây', address: null, product: null } });
    expect(alignment.messages.map((m) => m.spans)).toEqual([[{ field: 'seller', start: 3, end: 4 }], [{ field: 'seller', start: 1, end: 2 }]]);
    expect(alignment.aligned).toEqual({ seller: true, address: null, product: null });
  });

  it('leaves a paraphrased value free rather than teaching it is no span', () => {
    const alignment = alignStory({ id: 'b', messages: ['Ăn ba món ở nhà hàng Biển Xanh'], values: { seller: 'Biển Xanh', address: null, product: 'bữa ăn hải sản' } });
    expect(alignment.aligned.product).toBe(false);
    expect(alignment.messages[0]!.unknown).toEqual(['product']);
  });

  it('gives words two fields claim to the first', () => {
    const alignment = alignStory({ id: 'c', messages: ['Ngân hàng Phương Đông chi nhánh Hải Phòng'], values: { seller: 'Ngân hàng Phương Đông', address: 'Ngân hàng Phương Đông', product: null } });
    expect(alignment.messages[0]!.spans.map((s) => s.field)).toEqual(['seller']);
  });
});
