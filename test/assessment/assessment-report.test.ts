import { beforeAll, describe, expect, it } from 'vitest';
import { buildAssessmentRecord } from '../../src/assessment/assessment-record.ts';
import { renderAssessmentReport, slugOf } from '../../src/assessment/assessment-report.ts';
import { groupedCitations, shortCitations } from '../../src/assessment/basis-text.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import { scoreAssessment } from '../../src/assessment/scoring.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';
import { criteriaPromise, translators } from './support/assessment-harness.ts';

let criteria: Criteria;
let kb: KnowledgeBase;
beforeAll(async () => {
  criteria = await criteriaPromise;
  kb = await loadRealKnowledgeBase();
});

const profile = { sector: 'electronics', size: 'small', online: true, platform: 'no', continuous: false, mlm: false, doorToDoor: false, awayFromPremises: false, standardContracts: false } as const;

describe('the PDF report', () => {
  it('renders a report with the plan, in both languages, named after the business and the day', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const result = scoreAssessment(criteria, profile, {});
      const record = buildAssessmentRecord({ criteria, business: 'Điện máy Hoàng Long', profile, result, locale, completedAt: new Date('2026-11-22T18:30:00Z') });
      const file = await renderAssessmentReport({ record, progress: null, criteria, knowledgeBase: kb, t: translators(locale), timeZone: 'Asia/Ho_Chi_Minh' });
      expect(file.mimeType).toBe('application/pdf');
      // 18:30 UTC is already the next day in Vietnam.
      expect(file.fileName).toBe(locale === 'vi' ? 'tu-danh-gia-dien-may-hoang-long-2026-11-23.pdf' : 'self-assessment-dien-may-hoang-long-2026-11-23.pdf');
      const text = Buffer.from(file.data).toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text).toMatch(/DejaVuSans/);
      expect(file.data.length).toBeGreaterThan(20_000);
    }
  });

  it('makes file-name-safe slugs', () => {
    expect(slugOf('Điện máy Hoàng Long!')).toBe('dien-may-hoang-long');
    expect(slugOf('!!!')).toBe('business');
  });

  it('cites briefly in chat and fully, grouped by document, in the report', () => {
    const item = criteria.items.find((i) => i.id === 'sales-refund')!;
    expect(shortCitations(item.basis, 'vi')).toBe('Điều 10.1.đ, 10.1.e, 9.1.d, 36.1 (19/2023/QH15)');
    expect(groupedCitations(item.basis, kb, 'vi')).toBe('Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15): điểm đ, e khoản 1 Điều 10; điểm d khoản 1 Điều 9; khoản 1 Điều 36');
    const unit = criteria.items.find((i) => i.id === 'cp-complaint-unit')!;
    expect(shortCitations(unit.basis, 'en')).toBe('section II.5, IV.18 (KH-BD-CT30); section II.6.b, II.6.c (KH-KH-2017-2020)');
  });
});
