import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/dialogue/message-splitter.ts';

const citation = 'khoản 2 Điều 30 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)';

describe('splitMessage', () => {
  it('keeps a short message whole and drops an empty one', () => {
    expect(splitMessage('  Xin chào  ', 100)).toEqual(['Xin chào']);
    expect(splitMessage(' \n ', 100)).toEqual([]);
  });

  it('prefers paragraph boundaries, then sentences, then words', () => {
    const para = 'Câu một dài. '.repeat(5).trim();
    expect(splitMessage(`${para}\n\n${para}`, para.length + 5)).toEqual([para, para]);
    const sentences = splitMessage('Một hai ba bốn. Năm sáu bảy tám. Chín mười.', 33);
    expect(sentences).toEqual(['Một hai ba bốn. Năm sáu bảy tám.', 'Chín mười.']);
    expect(splitMessage('alpha beta gamma delta', 12)).toEqual(['alpha beta', 'gamma delta']);
  });

  it('never cuts inside a citation, even where a word boundary would fit', () => {
    const text = `Căn cứ theo ${citation}: doanh nghiệp phải bảo hành.`;
    // The citation fits in one message, but the limit falls in the middle of its name.
    const parts = splitMessage(text, 80);
    expect(text.indexOf(citation) + citation.length).toBeGreaterThan(80);
    expect(parts.some((p) => p.includes(citation))).toBe(true);
    expect(parts.join(' ')).toBe(text);
  });

  it('splits a long cited answer under the limit with every citation intact', () => {
    const clause = `• ${citation}: «${'Tổ chức, cá nhân kinh doanh có trách nhiệm bảo hành sản phẩm. '.repeat(6).trim()}»`;
    const answer = [`Theo ${citation}: Công bố công khai chính sách bảo hành.`, '', 'Căn cứ:', ...Array.from({ length: 12 }, () => clause)].join('\n');
    for (const limit of [2000, 700, 400]) {
      const parts = splitMessage(answer, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
      const citations = parts.flatMap((p) => p.match(/khoản \d+ Điều \d+ [^()]*\([^)]*\)/g) ?? []);
      expect(citations.length).toBe(13);
      expect(new Set(citations)).toEqual(new Set([citation]));
    }
  });

  it('cuts an unbroken run hard without splitting a surrogate pair', () => {
    const parts = splitMessage('😀'.repeat(5), 3);
    expect(parts.every((p) => p.length <= 3)).toBe(true);
    expect(parts.join('')).toBe('😀'.repeat(5));
  });
});
