import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/retrieval/bm25-index.ts';
import { QueryAnalyzer } from '../../src/text/query-analyzer.ts';
import { loadLexicon } from '../../src/text/lexicon.ts';

const docs = [
  { title: 'Bảo hành sản phẩm', context: 'Chương II', body: 'Tổ chức, cá nhân kinh doanh có trách nhiệm bảo hành sản phẩm, hàng hóa.' },
  { title: 'Hợp đồng theo mẫu', context: 'Chương II', body: 'Hợp đồng theo mẫu phải được công khai.' },
  { title: 'Khiếu nại', context: 'Chương II', body: 'Người tiêu dùng gửi khiếu nại; tổ chức, cá nhân kinh doanh phải trả lời trong thời hạn 03 ngày.' },
  { title: 'Phạm vi', context: 'Chương I', body: 'Luật này quy định về bảo vệ quyền lợi người tiêu dùng.' },
];
const index = Bm25Index.build(docs);
const analyzer = new QueryAnalyzer(loadLexicon());
const top = (q: string, i: Bm25Index = index) => i.search(analyzer.analyze(q).terms, 10).map((h) => h.doc);

const tmp: string[] = [];
afterAll(async () => {
  await Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true })));
});

describe('Bm25Index', () => {
  it('ranks the document containing the rare query words first', () => {
    expect(top('hợp đồng theo mẫu')[0]).toBe(1);
    expect(top('khiếu nại')[0]).toBe(2);
  });

  it('matches without accents as well as with them', () => {
    expect(top('hop dong theo mau')[0]).toBe(1);
    expect(top('khieu nai')[0]).toBe(2);
  });

  it('matches numbers with or without leading zeros', () => {
    expect(top('3 ngày')[0]).toBe(2);
  });

  it('weighs a title match above a body match', () => {
    const i = Bm25Index.build([
      { title: 'Quy định chung', context: '', body: 'bảo hành được nói đến ở đây một lần' },
      { title: 'Bảo hành', context: '', body: 'nội dung khác hẳn về một việc khác dài hơn một chút' },
    ]);
    expect(top('bảo hành', i)[0]).toBe(1);
  });

  it('gives rarer terms a higher idf', () => {
    expect(index.idf('khieu')).toBeGreaterThan(index.idf('kinh'));
    expect(index.idf('does-not-exist')).toBeGreaterThan(index.idf('khieu'));
  });

  it('returns no hits for words it has never seen, and honours the filter', () => {
    expect(top('asdfgh')).toEqual([]);
    expect(index.search(analyzer.analyze('bảo hành').terms, 10, (d) => d !== 0).map((h) => h.doc)).not.toContain(0);
  });

  it('reports the impact of a term in a document', () => {
    expect(index.impact('khieu_nai', 2)).toBeGreaterThan(0);
    expect(index.impact('khieu_nai', 0)).toBe(0);
  });

  it('takes idf and lengths only from the documents given for the statistics, but scores them all', () => {
    // A repealed copy of the warranty article: left out of the statistics, "bảo hành" stays as rare as before.
    const withCopy = [...docs, { title: 'Bảo hành sản phẩm', context: 'Chương II', body: 'Tổ chức, cá nhân kinh doanh có trách nhiệm bảo hành sản phẩm, hàng hóa.' }];
    const counted = Bm25Index.build(withCopy);
    const leftOut = Bm25Index.build(withCopy, undefined, { inStatistics: (d) => d !== 4 });
    expect(leftOut.docCount).toBe(5);
    expect(leftOut.statisticsDocCount).toBe(4);
    expect(leftOut.idf('bao_hanh')).toBeCloseTo(index.idf('bao_hanh'), 10);
    expect(counted.idf('bao_hanh')).toBeLessThan(index.idf('bao_hanh'));
    expect(leftOut.impact('bao_hanh', 0)).toBeCloseTo(index.impact('bao_hanh', 0), 5);
    expect(top('bảo hành', leftOut).slice(0, 2).sort()).toEqual([0, 4]);
    expect(leftOut.maxIdf).toBeCloseTo(index.maxIdf, 10);
  });

  it('scores the same after a save and load', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bm25-'));
    tmp.push(dir);
    const file = path.join(dir, 'lexical.bin');
    await index.save(file);
    const loaded = await Bm25Index.load(file);
    const q = analyzer.analyze('người tiêu dùng khiếu nại bảo hành').terms;
    expect(loaded.search(q, 10)).toEqual(index.search(q, 10));
    expect(loaded.vocabularySize).toBe(index.vocabularySize);
    const partial = Bm25Index.build(docs, undefined, { inStatistics: (d) => d !== 3 });
    await partial.save(file);
    const reloaded = await Bm25Index.load(file);
    expect(reloaded.statisticsDocCount).toBe(3);
    expect(reloaded.idf('khieu_nai')).toBe(partial.idf('khieu_nai'));
  });
});
