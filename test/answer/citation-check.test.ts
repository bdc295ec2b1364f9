import { describe, expect, it } from 'vitest';
import { findCitations, unknownCitations } from '../../src/answer/citation-check.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';

describe('citation check', async () => {
  const kb = await loadRealKnowledgeBase();

  it('finds Vietnamese, English and plan citations, defaulting to the law in force', () => {
    const found = findCitations('Theo khoản 2 Điều 31 Luật BVQLNTD (19/2023/QH15) và Điều 14 Nghị định (55/2024/NĐ-CP); see Article 30(1); mục IV.13 Kế hoạch (KH-BD-CT30).');
    expect(found.map((f) => f.ref)).toEqual([
      { doc: '19/2023/QH15', article: 31, clause: 2, section: null },
      { doc: '55/2024/NĐ-CP', article: 14, clause: null, section: null },
      { doc: '19/2023/QH15', article: 30, clause: 1, section: null },
      { doc: 'KH-BD-CT30', article: null, clause: null, section: 'IV.13' },
    ]);
  });

  it('flags citations the corpus does not hold, the repealed law without text, and ones outside the given passages', () => {
    const found = findCitations('Điều 95 (19/2023/QH15); khoản 9 Điều 31; Điều 8 (59/2010/QH12); Điều 30');
    expect(unknownCitations(found, kb).map((f) => f.raw.trim())).toEqual(['Điều 95 (19/2023/QH15)', 'khoản 9 Điều 31', 'Điều 8 (59/2010/QH12)']);
    const allowed = [{ doc: '19/2023/QH15', article: 31, clause: 2, section: null }];
    expect(unknownCitations(findCitations('Điều 30'), kb, allowed)).toHaveLength(1);
    expect(unknownCitations(findCitations('khoản 2 Điều 31'), kb, allowed)).toHaveLength(0);
  });
});
