import { describe, expect, it } from 'vitest';
import type { DocumentMetadata } from '../../src/knowledge/document-metadata.ts';
import { calendarDay, LegalTimeline, timelineIssues } from '../../src/knowledge/legal-timeline.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';

function doc(fields: Partial<DocumentMetadata> & Pick<DocumentMetadata, 'id' | 'effectiveFrom'>): DocumentMetadata {
  return {
    title: fields.id,
    citationName: fields.id,
    citationNameEn: fields.id,
    kind: 'law',
    number: fields.id,
    issuer: 'test',
    issuedDate: fields.effectiveFrom,
    effectiveTo: null,
    status: 'in_force',
    replaces: [],
    replacedBy: [],
    source: 'test',
    provenance: 'test',
    articles: null,
    implements: null,
    searchPrior: 1,
    province: null,
    ...fields,
  };
}

describe('LegalTimeline on the corpus', async () => {
  const { timeline } = await loadRealKnowledgeBase();
  const ids = (docs: readonly DocumentMetadata[]) => docs.map((d) => d.id).sort();

  it('knows what is in force on the last day of the 2010 law and on the first of the 2023 law', () => {
    expect(ids(timeline.inForceOn('2024-06-30'))).toEqual(['59/2010/QH12', '91/2015/QH13', '99/2011/NĐ-CP', 'KH-BD-CT30']);
    expect(ids(timeline.inForceOn('2024-07-01'))).toEqual(['07/2024/QĐ-TTg', '19/2023/QH15', '55/2024/NĐ-CP', '91/2015/QH13', 'KH-BD-CT30']);
    expect(ids(timeline.inForceOn('2018-05-01'))).toEqual(['59/2010/QH12', '91/2015/QH13', '99/2011/NĐ-CP', 'KH-KH-2017-2020']);
    expect(timeline.isInForce('59/2010/QH12', '2024-06-30')).toBe(true);
    expect(timeline.isInForce('59/2010/QH12', '2024-07-01')).toBe(false);
  });

  it('reads an instant in Vietnam\'s calendar: midnight of 01/7/2024 in Hà Nội is 17:00 UTC the day before', () => {
    expect(calendarDay(new Date('2024-06-30T16:59:59Z'))).toBe('2024-06-30');
    expect(calendarDay(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
    expect(timeline.isInForce('19/2023/QH15', new Date('2024-06-30T17:00:00Z'))).toBe(true);
    expect(timeline.isInForce('19/2023/QH15', new Date('2024-06-30T16:59:59Z'))).toBe(false);
  });

  it('knows what replaced what, and from which day', () => {
    expect(timeline.successorOf('59/2010/QH12')).toEqual({ replaced: '59/2010/QH12', by: '19/2023/QH15', cutOver: '2024-07-01' });
    expect(timeline.predecessorOf('19/2023/QH15')).toEqual({ replaced: '59/2010/QH12', by: '19/2023/QH15', cutOver: '2024-07-01' });
    expect(timeline.successorOf('99/2011/nd-cp')).toEqual({ replaced: '99/2011/NĐ-CP', by: '55/2024/NĐ-CP', cutOver: '2024-07-01' });
    expect(timeline.predecessorOf('55/2024/NĐ-CP')?.replaced).toBe('99/2011/NĐ-CP');
    expect(timeline.successorOf('19/2023/QH15')).toBeNull();
    expect(timeline.predecessorOf('91/2015/QH13')).toBeNull();
    expect(timeline.successions()).toHaveLength(2);
  });

  it('says which texts applied on a day before the cut-over', () => {
    expect(timeline.appliedOn('19/2023/QH15', '2024-03-10')?.id).toBe('59/2010/QH12');
    expect(timeline.appliedOn('55/2024/NĐ-CP', '2023-01-01')?.id).toBe('99/2011/NĐ-CP');
    expect(timeline.appliedOn('19/2023/QH15', '2024-07-01')?.id).toBe('19/2023/QH15');
    expect(timeline.appliedOn('59/2010/QH12', '2025-01-01')?.id).toBe('19/2023/QH15');
    // Before 01/7/2011 the 1999 ordinance applied, which the knowledge base does not hold.
    expect(timeline.appliedOn('19/2023/QH15', '2010-05-01')).toBeUndefined();
    expect(timeline.replacedBetween('2024-03-10', '2026-01-01').map((s) => s.replaced)).toEqual(['59/2010/QH12', '99/2011/NĐ-CP']);
    expect(timeline.replacedBetween('2024-07-01', '2026-01-01')).toEqual([]);
  });

  it('names the law a decree or decision details', () => {
    expect(timeline.lawOf('55/2024/NĐ-CP')?.id).toBe('19/2023/QH15');
    expect(timeline.lawOf('07/2024/QĐ-TTg')?.id).toBe('19/2023/QH15');
    expect(timeline.lawOf('99/2011/NĐ-CP')?.id).toBe('59/2010/QH12');
    expect(timeline.lawOf('91/2015/QH13')?.id).toBe('91/2015/QH13');
  });

  it('searches the texts in force and every plan, and accepts citations of every document held', () => {
    expect(timeline.searchableOn('2026-11-23').sort()).toEqual(['07/2024/QĐ-TTg', '19/2023/QH15', '55/2024/NĐ-CP', '91/2015/QH13', 'KH-BD-CT30', 'KH-KH-2017-2020']);
    expect(timeline.searchableOn('2024-06-30').sort()).toEqual(['59/2010/QH12', '91/2015/QH13', '99/2011/NĐ-CP', 'KH-BD-CT30', 'KH-KH-2017-2020']);
    expect(timeline.citationIds().sort()).toEqual(ids(timeline.documents));
  });
});

describe('LegalTimeline from any headers', () => {
  it('follows a new successor from its header alone', () => {
    const timeline = new LegalTimeline([
      doc({ id: 'A', effectiveFrom: '2011-07-01', effectiveTo: '2024-06-30', replacedBy: ['B'] }),
      doc({ id: 'B', effectiveFrom: '2024-07-01', effectiveTo: '2031-12-31', replaces: ['A'], replacedBy: ['C'] }),
      doc({ id: 'C', effectiveFrom: '2032-01-01', replaces: ['B'] }),
      doc({ id: 'B-decree', kind: 'decree', effectiveFrom: '2024-07-01', implements: 'B' }),
    ]);
    expect(timeline.inForceOn('2031-12-31').map((d) => d.id)).toEqual(['B', 'B-decree']);
    expect(timeline.inForceOn('2032-01-01').map((d) => d.id)).toEqual(['C', 'B-decree']);
    expect(timeline.successorOf('B')).toEqual({ replaced: 'B', by: 'C', cutOver: '2032-01-01' });
    expect(timeline.appliedOn('C', '2020-01-01')?.id).toBe('A');
    expect(timeline.appliedOn('A', '2033-01-01')?.id).toBe('C');
    expect(timeline.lawOf('B-decree')?.id).toBe('B');
    expect(timelineIssues(timeline.documents)).toEqual([]);
  });

  it('records a succession written on one side only, and a successor it does not hold', () => {
    const timeline = new LegalTimeline([
      doc({ id: 'OLD', effectiveFrom: '2012-01-01', effectiveTo: '2024-06-30', replacedBy: ['GONE'] }),
      doc({ id: 'NEW', kind: 'decision', effectiveFrom: '2024-07-01', replaces: ['X1', 'X2'] }),
    ]);
    expect(timeline.successorOf('OLD')).toEqual({ replaced: 'OLD', by: 'GONE', cutOver: '2024-07-01' });
    expect(timeline.predecessorsOf('NEW').map((s) => s.replaced)).toEqual(['X1', 'X2']);
    // Texts the knowledge base does not hold never count as in force.
    expect(timeline.replacedBetween('2024-01-01', '2025-01-01').map((s) => s.replaced)).toEqual(['OLD']);
  });

  it('lists headers that contradict each other', () => {
    const issues = timelineIssues([
      doc({ id: 'A', effectiveFrom: '2011-07-01', effectiveTo: '2024-07-01', replacedBy: ['B'] }),
      doc({ id: 'B', effectiveFrom: '2024-07-01' }),
      doc({ id: 'C', effectiveFrom: '2020-01-01', effectiveTo: '2019-12-31' }),
      doc({ id: 'D', kind: 'decree', effectiveFrom: '2020-01-01', implements: 'E' }),
      doc({ id: 'E', kind: 'decree', effectiveFrom: '2020-01-01' }),
      doc({ id: 'F', effectiveFrom: '2020-01-01', replacedBy: ['G'] }),
    ]);
    expect(issues.map((i) => `${i.docId} ${i.key}: ${i.message}`)).toEqual([
      'A replacedBy: says it is replaced by B, whose "replaces" does not name A',
      'A effectiveTo: in force until 2024-07-01, but B replaces it from 2024-07-01',
      'C effectiveTo: "effectiveTo" 2019-12-31 is before "effectiveFrom" 2020-01-01',
      'D implements: E is a decree, not a law',
      'F effectiveTo: replaced by G but has no "effectiveTo" (its last day in force)',
    ]);
  });
});
