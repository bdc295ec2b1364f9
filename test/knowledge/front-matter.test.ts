import { describe, expect, it } from 'vitest';
import { formatArticleList, parseKnowledgeFile } from '../../src/knowledge/front-matter.ts';

const valid = [
  '---',
  'id: 1/2025/QH15',
  'title: Luật thử',
  'citationName: Luật thử 2025',
  'citationNameEn: Test Law 2025',
  'kind: law',
  'number: 1/2025/QH15',
  'issuer: Quốc hội',
  'issuedDate: 2025-01-01',
  'effectiveFrom: 2025-07-01',
  'effectiveTo:',
  'status: in_force',
  'replaces: A, B',
  'replacedBy:',
  'source: test',
  'provenance: test',
  '---',
  'Điều 1. Một',
];

describe('parseKnowledgeFile', () => {
  it('reads the header and gives the body with its first line number', () => {
    const parsed = parseKnowledgeFile('f.txt', valid.join('\n'));
    expect(parsed.metadata).toMatchObject({ id: '1/2025/QH15', replaces: ['A', 'B'], replacedBy: [], effectiveTo: null, province: null, articles: null, implements: null });
    expect(parsed.body).toBe('Điều 1. Một');
    expect(parsed.bodyStartLine).toBe(18);
  });

  it('reads the articles an excerpt declares, and the law a decree implements', () => {
    const lines = [...valid.slice(0, -2), 'articles: 430-432, 608, 610 - 611', 'implements: 19/2023/QH15', ...valid.slice(-2)];
    const parsed = parseKnowledgeFile('f.txt', lines.join('\n'));
    expect(parsed.metadata.articles).toEqual([430, 431, 432, 608, 610, 611]);
    expect(parsed.metadata.implements).toBe('19/2023/QH15');
    expect(parsed.keyLines.get('articles')).toBe(17);
    expect(formatArticleList(parsed.metadata.articles!)).toBe('430-432, 608, 610-611');
  });

  it.each([
    ['430-454, x', /f\.txt:17: "articles": expected article numbers and ranges such as "430-454, 608", found "x"/],
    ['454-430', /f\.txt:17: "articles": "454-430" is not a range of article numbers/],
    ['430-454, 440', /f\.txt:17: "articles": "440" must come after 454, each article once, in increasing order/],
  ])('names the line of a malformed article list "%s"', (value, message) => {
    const lines = [...valid.slice(0, -2), `articles: ${value}`, ...valid.slice(-2)];
    expect(() => parseKnowledgeFile('f.txt', lines.join('\n'))).toThrow(message);
  });

  it.each([
    [['id: 1'], 'f.txt:1: expected the metadata header to start with a line "---"'],
    [valid.map((l) => (l === 'kind: law' ? 'kind: statute' : l)), /f\.txt:6: "kind": /],
    [valid.map((l) => (l.startsWith('issuedDate') ? 'issuedDate: 1/1/2025' : l)), /f\.txt:9: "issuedDate": expected a date as YYYY-MM-DD/],
    [valid.filter((l) => !l.startsWith('title')), /f\.txt:1: "title": /],
    [[...valid.slice(0, 3), 'colour: red', ...valid.slice(3)], /f\.txt:4: unknown key\(s\) colour/],
    [[...valid.slice(0, 3), 'title: again', ...valid.slice(3)], 'f.txt:4: "title" is given twice'],
    [[...valid.slice(0, 3), 'no colon here', ...valid.slice(3)], /f\.txt:4: expected "key: value"/],
    [valid.slice(0, 10), /f\.txt:10: the metadata header is not closed/],
  ])('names the line of a malformed header (%#)', (lines, message) => {
    expect(() => parseKnowledgeFile('f.txt', (lines as string[]).join('\n'))).toThrow(message);
  });
});
