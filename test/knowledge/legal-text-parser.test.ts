import { describe, expect, it } from 'vitest';
import { KnowledgeFormatError } from '../../src/knowledge/knowledge-errors.ts';
import { parseLegalText } from '../../src/knowledge/legal-text-parser.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';

describe('parseLegalText on the corpus', async () => {
  const kb = await loadRealKnowledgeBase();

  it('finds every article of each legal text, numbered without gaps', () => {
    const count = (id: string) => kb.document(id)!.articles.length;
    expect(count('19/2023/QH15')).toBe(80);
    expect(count('55/2024/NĐ-CP')).toBe(30);
    expect(count('07/2024/QĐ-TTg')).toBe(3);
    for (const id of ['19/2023/QH15', '55/2024/NĐ-CP']) {
      expect(kb.document(id)!.articles.map((a) => a.number)).toEqual(Array.from({ length: count(id) }, (_, i) => i + 1));
    }
  });

  it('keeps chapter and section headings above each article', () => {
    const law = kb.document('19/2023/QH15')!;
    expect(law.articles[0]!.headings).toEqual(['Chương I - NHỮNG QUY ĐỊNH CHUNG']);
    const a37 = law.articles.find((a) => a.number === 37)!;
    expect(a37.headings[0]).toMatch(/^Chương III - /);
    expect(a37.headings[1]).toMatch(/^Mục 1 - /);
    expect(law.articles.find((a) => a.number === 80)!.headings[0]).toMatch(/^Chương VII/);
  });

  it('splits articles into clauses and clauses into points', () => {
    const a3 = kb.article('19/2023/QH15', 3)!;
    expect(a3.title).toBe('Giải thích từ ngữ');
    expect(a3.lead).toMatch(/^Trong Luật này/);
    expect(a3.clauses).toHaveLength(10);
    expect(a3.clauses[6]!.points.map((p) => p.letter)).toEqual(['a', 'b', 'c']);
    const a31 = kb.article('19/2023/QH15', 31)!;
    expect(a31.clauses[1]!.text).toContain('03 ngày làm việc');
    const a1 = kb.article('19/2023/QH15', 1)!;
    expect(a1.clauses).toHaveLength(0);
    expect(a1.lead).toMatch(/^Luật này quy định/);
  });

  it('stops at the adoption line instead of adding it to the last clause', () => {
    const last = kb.article('19/2023/QH15', 80)!.clauses.at(-1)!;
    expect(last.points.at(-1)!.text).not.toMatch(/Quốc hội/);
  });

  it('recognises the letter đ as a point', () => {
    const points = kb.document('55/2024/NĐ-CP')!.articles.flatMap((a) => a.clauses.flatMap((c) => c.points.map((p) => p.letter)));
    expect(points).toContain('đ');
  });
});

describe('parseLegalText on damaged input', () => {
  it('names the file and line of a missing article', () => {
    const body = ['Điều 1. Một', 'Nội dung.', '', 'Điều 3. Ba', 'Nội dung.'].join('\n');
    try {
      parseLegalText('x.txt', body, 10);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeFormatError);
      expect((error as KnowledgeFormatError).message).toBe('x.txt:13: expected "Điều 2." but found "Điều 3."');
    }
  });

  it('reports a chapter heading without its title line', () => {
    expect(() => parseLegalText('y.txt', 'Điều 1. A\nb\nChương II', 1)).toThrow(/y\.txt:3: the chapter heading has no title line/);
  });
});
