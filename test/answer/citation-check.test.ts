import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citationSchemeFor, findCitations, unknownCitations, type CitationScheme } from '../../src/answer/citation-check.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe('citation check', async () => {
  const kb = await loadRealKnowledgeBase();
  // An answer resting on a clause of the 2023 law: bare references mean that law.
  const scheme: CitationScheme = citationSchemeFor(kb, [{ docId: '19/2023/QH15', article: 31 }]);

  it('finds Vietnamese, English and plan citations, defaulting to the law the answer rests on', () => {
    const found = findCitations('Theo khoản 2 Điều 31 Luật BVQLNTD (19/2023/QH15) và Điều 14 Nghị định (55/2024/NĐ-CP); see Article 30(1); mục IV.13 Kế hoạch (KH-BD-CT30).', scheme);
    expect(found.map((f) => f.ref)).toEqual([
      { doc: '19/2023/QH15', article: 31, clause: 2, section: null },
      { doc: '55/2024/NĐ-CP', article: 14, clause: null, section: null },
      { doc: '19/2023/QH15', article: 30, clause: 1, section: null },
      { doc: 'KH-BD-CT30', article: null, clause: null, section: 'IV.13' },
    ]);
  });

  it('takes the ids it accepts from the timeline, with Đ typed as D, and the decree\'s law as the default', () => {
    expect(scheme.documentIds).toEqual(kb.timeline.citationIds());
    expect(scheme.documentIds).toEqual(expect.arrayContaining(['59/2010/QH12', '99/2011/NĐ-CP', '91/2015/QH13']));
    const found = findCitations('Điều 446 (91/2015/QH13); Điều 24 (99/2011/ND-CP); Article 608 of the Civil Code 2015 (91/2015/QH13)', scheme);
    expect(found.map((f) => `${f.ref.doc}#${f.ref.article}`)).toEqual(['91/2015/QH13#446', '99/2011/NĐ-CP#24', '91/2015/QH13#608']);
    expect(unknownCitations(found, kb)).toEqual([]);
    expect(citationSchemeFor(kb, [{ docId: 'KH-BD-CT30', article: null }, { docId: '55/2024/NĐ-CP', article: 7 }]).defaultDoc).toBe('19/2023/QH15');
    expect(citationSchemeFor(kb, [{ docId: 'KH-BD-CT30', article: null }]).defaultDoc).toBeNull();
  });

  it('flags citations the corpus does not hold, texts it does not hold, and ones outside the given passages', () => {
    const found = findCitations('Điều 95 (19/2023/QH15); khoản 9 Điều 31; Điều 5 (98/2020/NĐ-CP); Điều 429 (91/2015/QH13); Điều 30', scheme);
    expect(unknownCitations(found, kb).map((f) => f.raw.trim())).toEqual(['Điều 95 (19/2023/QH15)', 'khoản 9 Điều 31', 'Điều 5 (98/2020/NĐ-CP)', 'Điều 429 (91/2015/QH13)']);
    const allowed = [{ doc: '19/2023/QH15', article: 31, clause: 2, section: null }];
    expect(unknownCitations(findCitations('Điều 30', scheme), kb, allowed)).toHaveLength(1);
    expect(unknownCitations(findCitations('khoản 2 Điều 31', scheme), kb, allowed)).toHaveLength(0);
    // A repealed text is held, so citing it resolves; the passages given decide whether an answer may.
    expect(unknownCitations(findCitations('Điều 8 (59/2010/QH12)', scheme), kb)).toEqual([]);
    expect(unknownCitations(findCitations('Điều 8 (59/2010/QH12)', scheme), kb, allowed)).toHaveLength(1);
    // With no legal passage behind the answer, a bare reference points nowhere.
    expect(unknownCitations(findCitations('Điều 30', { ...scheme, defaultDoc: null }), kb)).toHaveLength(1);
  });

  it('accepts the id of a document dropped into the knowledge folder, with no code change', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-cite-'));
    temps.push(dir);
    await cp(path.join(knowledgeDir, 'documents'), path.join(dir, 'documents'), { recursive: true });
    const plan = ['---', 'id: KH-DN-2030', 'title: Kế hoạch thử', 'citationName: Kế hoạch thử của tỉnh Đồng Nai', 'citationNameEn: Test plan', 'kind: plan', 'number: KH-DN-2030', 'issuer: Ủy ban nhân dân tỉnh Đồng Nai', 'issuedDate: 2030-01-01', 'effectiveFrom: 2030-01-01', 'effectiveTo:', 'status: in_force', 'replaces:', 'replacedBy:', 'source: test', 'provenance: test', 'province: Đồng Nai', '---'];
    await writeFile(path.join(dir, 'documents', 'zz-kh-dn-2030.txt'), [...plan, 'I. MỤC ĐÍCH', '1. Nâng cao nhận thức của người tiêu dùng.', '2. Tăng cường kiểm tra thị trường.', ''].join('\n'));
    const text = 'Xem mục I.2 Kế hoạch (KH-DN-2030) và mục I.9 Kế hoạch (KH-DN-2030).';
    // Before the file is there, the id is not a document the check knows: nothing is read as a citation.
    expect(findCitations(text, scheme)).toEqual([]);
    const grown = await loadKnowledgeBase(dir);
    const withNew = citationSchemeFor(grown, []);
    expect(withNew.documentIds).toContain('KH-DN-2030');
    const found = findCitations(text, withNew);
    expect(found.map((f) => `${f.ref.doc}#${f.ref.section}`)).toEqual(['KH-DN-2030#I.2', 'KH-DN-2030#I.9']);
    expect(unknownCitations(found, grown).map((f) => f.ref.section)).toEqual(['I.9']);
    expect(grown.timeline.searchableOn('2026-01-01')).toContain('KH-DN-2030');
  });
});
