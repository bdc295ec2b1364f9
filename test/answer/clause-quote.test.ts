import { beforeAll, describe, expect, it } from 'vitest';
import { quoteProvision, sentencesWithin } from '../../src/answer/clause-quote.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadRealKnowledgeBase();
});

describe('quoting a provision with its framing', () => {
  it('a point of a prohibition list carries the clause that makes it a prohibition', () => {
    const quote = quoteProvision(kb, { doc: '19/2023/QH15', article: 10, clause: 1, point: 'đ' })!;
    expect(quote).toMatch(/^1\. Tổ chức, cá nhân kinh doanh bị nghiêm cấm thực hiện các hành vi sau đây: … đ\) Không đền bù/);
  });

  it('a clause of a "không được quy định" list keeps the article lead, so a banned term never reads as allowed', () => {
    const quote = quoteProvision(kb, { doc: '19/2023/QH15', article: 25, clause: 6 })!;
    expect(quote).toMatch(/^Trong hợp đồng giao kết với người tiêu dùng.*không được quy định các điều khoản sau đây: … 6\. Cho phép/);
    // The clause's own exception stays with it.
    expect(quote).toContain('trừ trường hợp pháp luật có quy định khác');
  });

  it('returns null for a provision the corpus does not hold', () => {
    expect(quoteProvision(kb, { doc: '19/2023/QH15', article: 30, clause: 99 })).toBeNull();
    expect(quoteProvision(kb, { doc: '19/2023/QH15', article: 999 })).toBeNull();
  });
});

describe('whole sentences within a budget', () => {
  it('never cuts a sentence, and keeps a later sentence that states an exception', () => {
    const text = 'Câu thứ nhất nói quy tắc chung dài vừa phải. Câu thứ hai thêm chi tiết không quan trọng lắm cho lắm. Trường hợp đặc biệt thì không áp dụng.';
    expect(sentencesWithin(text, 50)).toBe('Câu thứ nhất nói quy tắc chung dài vừa phải. … Trường hợp đặc biệt thì không áp dụng.');
    expect(sentencesWithin('Quy tắc chung. Chi tiết một dài dòng lắm lắm. Chi tiết hai.', 20)).toBe('Quy tắc chung. …');
    expect(sentencesWithin(text, 200)).toBe(text);
    expect(sentencesWithin('Một câu rất dài không có dấu chấm nào ở giữa cả', 10)).toBe('Một câu rất dài không có dấu chấm nào ở giữa cả');
  });
});
