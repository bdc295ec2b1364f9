import { beforeAll, describe, expect, it } from 'vitest';
import { loadGuidance, parseGuidance } from '../../src/guidance/guidance-loader.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { KnowledgeFormatError } from '../../src/knowledge/knowledge-errors.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadRealKnowledgeBase();
});

const bi = (text: string) => ({ vi: text, en: text });
const entry = (over: Record<string, unknown> = {}) => ({
  id: 'warranty-repeat-failure',
  kind: 'answer',
  audience: 'consumer',
  phrasings: ['bảo hành hoài không xong', 'bh mãi ko sửa dc', 'sửa 3 lần vẫn hỏng', 'warranty repair failed again'],
  verdict: bi('Có. Bạn được đổi sản phẩm.'),
  steps: [bi('Gửi yêu cầu đổi cho bên bán.')],
  citations: [{ doc: '19/2023/QH15', article: 30, clause: 2, point: 'đ' }],
  offer: ['complaint'],
  ...over,
});
const file = (entries: unknown[], name = 'knowledge/guidance/test.json') => ({
  file: name,
  content: JSON.stringify({ group: 'test', provenance: 'written for a test', entries }, null, 2),
});

function failure(files: { file: string; content: string }[]): KnowledgeFormatError {
  try {
    parseGuidance(files, kb);
  } catch (error) {
    if (error instanceof KnowledgeFormatError) return error;
    throw error;
  }
  throw new Error('expected the guidance to be rejected');
}

describe('guidance files are checked against the law at build', () => {
  it('accepts an entry whose citations resolve down to the point', () => {
    const set = parseGuidance([file([entry()])], kb);
    expect(set.byId('warranty-repeat-failure')?.kind).toBe('answer');
  });

  it.each([
    [{ doc: '19/2023/QH15', article: 30, clause: 2, point: 'z' }, 'names a point the clause does not have'],
    [{ doc: '19/2023/QH15', article: 30, clause: 9 }, 'names a clause the article does not have'],
    [{ doc: '19/2023/QH15', article: 300 }, 'names an article the document does not have'],
    [{ doc: '1/2099/QH99', article: 1 }, 'names no loaded document'],
  ])('rejects %j, naming the file and the entry line', (citation, reason) => {
    const error = failure([file([entry(), entry({ id: 'second-entry', citations: [citation] })])]);
    expect(error.file).toBe('knowledge/guidance/test.json');
    expect(error.message).toContain(reason);
    expect(error.message).toContain('second-entry');
    // The line of the failing entry's id, not the file's first line.
    const content = file([entry(), entry({ id: 'second-entry', citations: [citation] })]).content;
    expect(content.split('\n')[error.line - 1]).toContain('"second-entry"');
  });

  it('keeps a repealed text out of the answer itself: it belongs under before2024', () => {
    expect(failure([file([entry({ citations: [{ doc: '59/2010/QH12', article: 8 }] })])]).message).toMatch(/repealed.*before2024/);
    expect(() => parseGuidance([file([entry({ before2024: { ...bi('Trước 01/7/2024 cũng vậy.'), citations: [{ doc: '59/2010/QH12', article: 8 }] } })])], kb)).not.toThrow();
  });

  it('rejects duplicate ids across files and clarifying options that name no entry', () => {
    expect(failure([file([entry()]), file([entry()], 'knowledge/guidance/other.json')]).message).toContain('also used in knowledge/guidance/test.json');
    const clarify = { id: 'ask-where', kind: 'clarify', audience: 'consumer', phrasings: ['a b c', 'd e f', 'g h i', 'j k l'], question: bi('Mua ở đâu?'), options: [{ label: bi('Online'), entry: 'nope' }, { label: bi('Cửa hàng'), entry: 'warranty-repeat-failure' }] };
    expect(failure([file([entry(), clarify])]).message).toContain('unknown entry "nope"');
  });

  it('rejects a malformed entry with the path of the problem', () => {
    expect(failure([file([entry({ verdict: { vi: 'Có.' } })])]).message).toMatch(/entries\.0\.verdict\.en/);
  });
});

describe('the shipped guidance', () => {
  it('loads, and every citation of every entry resolves', async () => {
    const set = await loadGuidance(knowledgeDir, kb);
    expect(set.entries.length).toBeGreaterThan(0);
  });

  it('names no article above the basis line other than the deciding one', async () => {
    // The verdict, conditions and steps come before the basis: an article they name reads as the
    // one that decides, so only the entry's first citation may be named there.
    const set = await loadGuidance(knowledgeDir, kb);
    const wrong = set.entries.flatMap((e) => {
      if (e.kind !== 'answer') return [];
      const texts = [e.verdict, ...e.conditions, ...e.steps].flatMap((b) => [b.vi, b.en]);
      const named = texts.flatMap((t) => [...t.matchAll(/(?:Điều|Article|Art\.)\s*(\d+)/gu)].map((m) => Number(m[1])));
      return named.length > 0 && named[0] !== e.citations[0]!.article ? [`${e.id}: Điều ${named[0]}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});

describe('coverage of the law by the shipped guidance', () => {
  it('reaches every article of the texts in force, or lists it as left out on purpose', async () => {
    const { guidanceCoverage } = await import('../../src/guidance/guidance-coverage.ts');
    const set = await loadGuidance(knowledgeDir, kb);
    const gaps = guidanceCoverage(set, kb).filter((c) => c.missing.length > 0).map((c) => `${c.doc}: ${c.missing.join(', ')}`);
    expect(gaps).toEqual([]);
  });
});
