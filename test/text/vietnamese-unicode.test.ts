import { describe, expect, it } from 'vitest';
import { exactSyllableKey, foldDiacritics, hasToneOrVowelMarks, normalizeVietnamese } from '../../src/text/vietnamese-unicode.ts';

describe('Vietnamese Unicode helpers', () => {
  it('normalises NFD input to lower-case NFC', () => {
    const nfd = 'NGƯỜI TIÊU DÙNG'.normalize('NFD');
    expect(normalizeVietnamese(nfd)).toBe('người tiêu dùng');
    expect(normalizeVietnamese(nfd)).toBe('người tiêu dùng'.normalize('NFC'));
  });

  it('folds every diacritic and đ to plain letters', () => {
    expect(foldDiacritics('Bảo vệ quyền lợi người tiêu dùng')).toBe('Bao ve quyen loi nguoi tieu dung');
    expect(foldDiacritics('Đăng ký đơn')).toBe('Dang ky don');
    expect(foldDiacritics('hợp đồng'.normalize('NFD'))).toBe('hop dong');
  });

  it('gives the same exact key whatever the tone position or normal form', () => {
    expect(exactSyllableKey('hoà')).toBe(exactSyllableKey('hòa'));
    expect(exactSyllableKey('khoẻ')).toBe(exactSyllableKey('khỏe'));
    expect(exactSyllableKey('thuỷ')).toBe(exactSyllableKey('thủy'));
    expect(exactSyllableKey('người'.normalize('NFD'))).toBe(exactSyllableKey('người'));
  });

  it('keeps words that differ only by accents apart in the exact key', () => {
    expect(exactSyllableKey('sửa')).not.toBe(exactSyllableKey('sữa'));
    expect(exactSyllableKey('bán')).not.toBe(exactSyllableKey('ban'));
    expect(exactSyllableKey('đơn')).not.toBe(exactSyllableKey('don'));
  });

  it('tells accented words from plain ones, not counting the stroke of đ', () => {
    expect(hasToneOrVowelMarks('bảo')).toBe(true);
    expect(hasToneOrVowelMarks('ư')).toBe(true);
    expect(hasToneOrVowelMarks('đc')).toBe(false);
    expect(hasToneOrVowelMarks('bao')).toBe(false);
  });
});
