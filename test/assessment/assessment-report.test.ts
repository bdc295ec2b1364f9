import { beforeAll, describe, expect, it } from 'vitest';
import { buildAssessmentRecord } from '../../src/assessment/assessment-record.ts';
import { answerRows, renderAssessmentReport, slugOf } from '../../src/assessment/assessment-report.ts';
import { fullCitation, groupedCitations } from '../../src/assessment/basis-text.ts';
import { resultTexts, whyText } from '../../src/assessment/assessment-text.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import { questionsOf } from '../../src/assessment/item-questions.ts';
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

  it('lists every question asked with its answer: each part of an item asked in parts', () => {
    const withData = { ...profile, customerData: true };
    const result = scoreAssessment(criteria, withData, { 'data-consent.opt-out': 'no' });
    const record = buildAssessmentRecord({ criteria, business: 'Shop', profile: withData, result, locale: 'vi', completedAt: new Date('2026-11-22T18:30:00Z') });
    const itemById = new Map(criteria.items.map((i) => [i.id, i]));
    const rows = answerRows(record, itemById, 'vi');
    expect(rows).toContainEqual(['Khách có cách để không cho bạn chia sẻ thông tin của họ với bên thứ ba hoặc dùng để gửi quảng cáo không?', 'no']);
    expect(rows).toContainEqual(['Khi khách yêu cầu xem, sửa hoặc xóa thông tin của họ, bạn có đáp ứng không?', 'unknown']);
    expect(rows).toHaveLength(questionsOf(result.items.map((i) => i.item)).length);
    // A record made before the split has no part answers: its one answer stands under the item's title.
    const { partAnswers: _parts, ...older } = record;
    expect(answerRows(older, itemById, 'en')).toContainEqual(['Consent, choices and data requests', 'no']);
  });

  it('makes file-name-safe slugs', () => {
    expect(slugOf('Điện máy Hoàng Long!')).toBe('dien-may-hoang-long');
    expect(slugOf('!!!')).toBe('business');
  });

  it('cites the way the law is cited ("điểm đ khoản 1 Điều 10"), the same in chat and in the report', () => {
    const day = new Date('2026-11-23T03:00:00Z');
    const item = criteria.items.find((i) => i.id === 'sales-refund')!;
    const cited = 'Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15): điểm đ, e khoản 1 Điều 10; điểm d khoản 1 Điều 9; khoản 1 Điều 36';
    expect(groupedCitations(item.basis, kb, translators('vi'), day)).toBe(cited);
    expect(groupedCitations(item.basis, kb, translators('en'), day)).toBe("Law on Protection of Consumers’ Rights 2023 (19/2023/QH15): Art. 10(1)(đ), Art. 10(1)(e); Art. 9(1)(d); Art. 36(1)");
    // The chat's action plan writes the basis exactly as the report's table does, never "Điều 10.1.đ".
    const result = scoreAssessment(criteria, profile, { 'sales-refund': 'no' });
    const record = buildAssessmentRecord({ criteria, business: 'Điện máy Hoàng Long', profile, result, locale: 'vi', completedAt: day });
    const chat = resultTexts(record, null, criteria, kb, translators('vi'), 'Asia/Ho_Chi_Minh').join('\n');
    expect(chat).toContain(`Căn cứ: ${cited}`);
    expect(chat).not.toMatch(/Điều \d+\.\d/);
  });

  it('says plainly that the Khánh Hòa plan 2017–2020 has expired wherever it is cited', () => {
    const day = new Date('2026-11-23T03:00:00Z');
    const unit = criteria.items.find((i) => i.id === 'cp-complaint-unit')!;
    const vi = groupedCitations(unit.basis, kb, translators('vi'), day);
    expect(vi).toContain('Kế hoạch bảo vệ quyền lợi người tiêu dùng giai đoạn 2017-2020 của tỉnh Khánh Hòa (KH-KH-2017-2020), áp dụng đến 31/12/2020, nay đã hết hiệu lực; chỉ nêu để tham khảo: mục II.6.b, II.6.c');
    expect(vi).toMatch(/^Kế hoạch triển khai Chỉ thị 30-CT\/TW của tỉnh Bình Dương \(KH-BD-CT30\): mục/);
    expect(groupedCitations(unit.basis, kb, translators('en'), day)).toContain('Khánh Hòa consumer-protection plan 2017-2020 (KH-KH-2017-2020), in force until 31/12/2020, now expired; cited for reference only: sections II.6.b, II.6.c');
    const old = unit.basis.find((b) => b.doc === 'KH-KH-2017-2020')!;
    expect(fullCitation(old, kb, translators('vi'), day)).toMatch(/^mục II\.6\.b .*\(KH-KH-2017-2020\), áp dụng đến 31\/12\/2020, nay đã hết hiệu lực/);
    // On a day within the plan's period it is cited as it stood.
    expect(fullCitation(old, kb, translators('vi'), new Date('2019-06-01T03:00:00Z'))).not.toContain('hết hiệu lực');
    // The "why" answer of every item that draws on the plan says the same, and no reason presents it as in force.
    for (const question of questionsOf(criteria.items).filter((q) => q.basis.some((b) => b.doc === 'KH-KH-2017-2020'))) {
      const { item } = question;
      const why = whyText(question, kb, translators('vi'), day);
      expect(why).toContain('nay đã hết hiệu lực');
      expect(item.why.vi).not.toMatch(/cả hai kế hoạch|các kế hoạch/i);
      expect(item.why.en).not.toMatch(/both provincial plans|the plans/i);
    }
  });
});
