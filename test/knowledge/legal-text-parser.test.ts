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
    expect(count('59/2010/QH12')).toBe(51);
    expect(count('99/2011/NĐ-CP')).toBe(37);
    for (const id of ['19/2023/QH15', '55/2024/NĐ-CP', '59/2010/QH12', '99/2011/NĐ-CP']) {
      expect(kb.document(id)!.articles.map((a) => a.number)).toEqual(Array.from({ length: count(id) }, (_, i) => i + 1));
    }
  });

  it('holds exactly the articles the Civil Code excerpt declares: 430-454 and 608', () => {
    const civil = kb.document('91/2015/QH13')!;
    const expected = [...Array.from({ length: 25 }, (_, i) => 430 + i), 608];
    expect(civil.metadata.articles).toEqual(expected);
    expect(civil.articles.map((a) => a.number)).toEqual(expected);
    expect(civil.articles).toHaveLength(26);
    expect(kb.article('91/2015/QH13', 430)!.title).toBe('Hợp đồng mua bán tài sản');
    expect(kb.article('91/2015/QH13', 608)!.title).toBe('Bồi thường thiệt hại do vi phạm quyền lợi của người tiêu dùng');
    expect(kb.resolves({ doc: '91/2015/QH13', article: 429 })).toBe(false);
  });

  it('keeps the part (Phần) above the chapter and section of the Civil Code', () => {
    expect(kb.article('91/2015/QH13', 430)!.headings).toEqual(['Phần ba - NGHĨA VỤ VÀ HỢP ĐỒNG', 'Chương XVI - MỘT SỐ HỢP ĐỒNG THÔNG DỤNG', 'Mục 1 - HỢP ĐỒNG MUA BÁN TÀI SẢN']);
    expect(kb.article('91/2015/QH13', 608)!.headings).toEqual([
      'Phần ba - NGHĨA VỤ VÀ HỢP ĐỒNG',
      'Chương XX - TRÁCH NHIỆM BỒI THƯỜNG THIỆT HẠI NGOÀI HỢP ĐỒNG',
      'Mục 3 - BỒI THƯỜNG THIỆT HẠI TRONG MỘT SỐ TRƯỜNG HỢP CỤ THỂ',
    ]);
  });

  it('reads the 2010 law\'s chapters and sections, and the decree\'s Arabic-numbered chapter', () => {
    expect(kb.article('59/2010/QH12', 30)!.headings).toEqual(['Chương IV - GIẢI QUYẾT TRANH CHẤP GIỮA NGƯỜI TIÊU DÙNG VÀ TỔ CHỨC, CÁ NHÂN KINH DOANH HÀNG HÓA, DỊCH VỤ']);
    expect(kb.article('59/2010/QH12', 31)!.headings[1]).toBe('Mục 1 - THƯƠNG LƯỢNG');
    expect(kb.article('59/2010/QH12', 46)!.headings[1]).toMatch(/^Mục 4 - /);
    expect(kb.article('59/2010/QH12', 51)!.headings).toEqual(['Chương VI - ĐIỀU KHOẢN THI HÀNH']);
    // "Chương 2." is a heading, not words of the clause above it.
    expect(kb.article('99/2011/NĐ-CP', 3)!.clauses.at(-1)!.text).not.toMatch(/Chương/);
    expect(kb.article('99/2011/NĐ-CP', 4)!.headings[0]).toMatch(/^Chương 2 - BẢO VỆ NGƯỜI TIÊU DÙNG/);
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

  it('checks an excerpt against its declared articles, naming the line', () => {
    const body = ['Phần ba', 'NGHĨA VỤ', 'Điều 430. A', 'a.', 'Điều 432. C', 'c.'].join('\n');
    expect(() => parseLegalText('z.txt', body, 20, { articles: [430, 431, 432] })).toThrow('z.txt:24: expected "Điều 431." but found "Điều 432."');
    expect(() => parseLegalText('z.txt', body, 20, { articles: [430, 431] })).toThrow('z.txt:24: "Điều 432." is not among the articles the header declares (articles: 430-431)');
    expect(() => parseLegalText('z.txt', body, 20, { articles: [430, 432, 608], articlesLine: 15 })).toThrow('z.txt:15: "Điều 608." is declared (articles: 430, 432, 608) but not in the text');
    const twice = ['Điều 430. A', 'a.', 'Điều 430. A', 'a.'].join('\n');
    expect(() => parseLegalText('z.txt', twice, 1, { articles: [430] })).toThrow('z.txt:3: "Điều 430." appears again after the last declared article');
    expect(parseLegalText('z.txt', body, 20, { articles: [430, 432] }).map((a) => [a.number, a.headings])).toEqual([
      [430, ['Phần ba - NGHĨA VỤ']],
      [432, ['Phần ba - NGHĨA VỤ']],
    ]);
  });

  it('reports a chapter heading without its title line', () => {
    expect(() => parseLegalText('y.txt', 'Điều 1. A\nb\nChương II', 1)).toThrow(/y\.txt:3: the chapter heading has no title line/);
  });
});
