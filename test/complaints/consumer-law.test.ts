import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { applicableLaw, consumerLaw } from '../../src/complaints/consumer-law.ts';
import { findLegalBasis } from '../../src/complaints/legal-basis.ts';
import { composeLetter, letterText } from '../../src/complaints/negotiation-letter.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { DocumentMetadata } from '../../src/knowledge/document-metadata.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { KeywordPassageSearch } from '../support/keyword-passage-search.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';
import { sampleRecord } from './sample-record.ts';

const taxonomy = ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints'));
let real: KnowledgeBase;
beforeAll(async () => {
  real = await loadRealKnowledgeBase();
});

/** The real documents with some headers changed, as a maintainer would edit knowledge/documents. */
function withHeaders(changes: Record<string, Partial<DocumentMetadata>>): KnowledgeBase {
  return new KnowledgeBase(real.documents.map((d) => (changes[d.metadata.id] ? { ...d, metadata: { ...d.metadata, ...changes[d.metadata.id] } } : d)));
}

// A corrected effective date in the headers (the new law from 01/1/2025) must move every complaint
// decision with it: nothing about which law applies when is written in the complaint code.
const later = () => withHeaders({ '19/2023/QH15': { effectiveFrom: '2025-01-01' }, '59/2010/QH12': { effectiveTo: '2024-12-31' } });

describe('the consumer law, read from the documents headers', () => {
  it('is the law of the transitional clause, the text it replaced and its first day', () => {
    expect(consumerLaw(real, taxonomy)).toEqual({ current: '19/2023/QH15', previous: '59/2010/QH12', cutOver: '2024-07-01', transitionalArticle: 80 });
  });

  it('moves the cut-over with the headers: a purchase in autumn 2024 falls under the old law', () => {
    expect(applicableLaw(consumerLaw(real, taxonomy), '2024-09-15')).toBe('19/2023/QH15');
    expect(applicableLaw(consumerLaw(later(), taxonomy), '2024-09-15')).toBe('59/2010/QH12');
    expect(applicableLaw(consumerLaw(later(), taxonomy), '2025-01-01')).toBe('19/2023/QH15');
  });

  it('cites the old law and the transitional clause in the record for that purchase', async () => {
    const story = 'máy giặt còn bảo hành mà trung tâm bảo hành từ chối sửa';
    const issue = taxonomy.classify(story);
    const basis = (kb: KnowledgeBase) => findLegalBasis({ search: new KeywordPassageSearch(kb), knowledgeBase: kb, taxonomy }, issue, story, { date: '2024-09-15', channel: 'in_store' });
    const now = await basis(real);
    const then = await basis(later());
    expect(now.some((r) => r.doc === '59/2010/QH12' || r.article === 80)).toBe(false);
    expect(then.some((r) => r.doc === '59/2010/QH12')).toBe(true);
    expect(then).toContainEqual({ doc: '19/2023/QH15', article: 80, clause: 1 });
  });

  it('has no previous law when the headers record no succession: every purchase under the current one', () => {
    const alone = withHeaders({ '19/2023/QH15': { replaces: [] }, '59/2010/QH12': { replacedBy: [] } });
    expect(consumerLaw(alone, taxonomy)).toMatchObject({ previous: null, cutOver: null });
    expect(applicableLaw(consumerLaw(alone, taxonomy), '2020-01-01')).toBe('19/2023/QH15');
  });

  it('prints the cut-over of the headers in the letter', () => {
    const ctx = { knowledgeBase: later(), taxonomy, t: createTranslators()('vi'), place: 'Đà Nẵng' };
    const text = letterText(composeLetter(sampleRecord({ purchaseDate: '2024-09-15', applicableLaw: '59/2010/QH12' }), ctx));
    expect(text).toMatch(/trước ngày 01\/1\/2025; .*Điều 80 Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(Luật 59\/2010\/QH12 áp dụng/);
  });
});
