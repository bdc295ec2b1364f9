import { describe, expect, it } from 'vitest';
import { extractPlatform } from '../../src/complaints/extract-platform.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';

const platform = (text: string) => extractPlatform(foldAligned(text));

describe('platforms', () => {
  it.each([
    ['mua trên Shopee', 'Shopee'],
    ['mua tren shoppe', 'Shopee'],
    ['đặt trên Lazada', 'Lazada'],
    ['xem live trên TikTok Shop', 'TikTok Shop'],
    ['mua qua tik tok', 'TikTok Shop'],
    ['shop bán trên fb', 'Facebook'],
    ['nhắn Zalo đặt hàng', 'Zalo'],
    ['mua trên Tiki', 'Tiki'],
    ['Sendo', 'Sendo'],
  ])('recognises "%s"', (text, expected) => {
    expect(platform(text)).toBe(expected);
  });

  it('prefers the platform the purchase went through', () => {
    expect(platform('thấy quảng cáo trên Facebook rồi đặt mua trên Shopee')).toBe('Shopee');
  });

  it('does not see platforms in ordinary words', () => {
    expect(platform('mua ở cửa hàng gần nhà')).toBeNull();
    expect(platform('tôi đã lazy không đọc kỹ')).toBeNull();
  });
});
