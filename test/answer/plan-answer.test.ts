import { describe, expect, it } from 'vitest';
import { answeringLines, planReference, sectionNamedBy } from '../../src/answer/plan-answer.ts';
import type { DocumentMetadata } from '../../src/knowledge/document-metadata.ts';

// Class: a question about a provincial plan is answered from the plan's section, not from the law.
const plans = [
  { id: 'KH-BD-CT30', kind: 'plan', province: 'Bình Dương' },
  { id: 'KH-KH-2017-2020', kind: 'plan', province: 'Khánh Hòa' },
  { id: '19/2023/QH15', kind: 'law', province: null },
] as unknown as DocumentMetadata[];

describe('plan questions', () => {
  it('points at the plan of the province named, with or without the word "kế hoạch"', () => {
    expect(planReference('Theo kế hoạch của tỉnh Bình Dương, ai kiểm tra chất lượng?', plans)).toEqual({ plans: ['KH-BD-CT30'], namesPlan: true, namesProvince: true });
    expect(planReference('khanh hoa co duong day nong khong', plans)).toEqual({ plans: ['KH-KH-2017-2020'], namesPlan: false, namesProvince: true });
    expect(planReference('my phone plan changed', plans)).toEqual({ plans: ['KH-BD-CT30', 'KH-KH-2017-2020'], namesPlan: true, namesProvince: false });
    expect(planReference('kế hoạch bảo vệ người tiêu dùng của tỉnh giao việc gì cho doanh nghiệp?', plans)?.plans).toEqual(['KH-BD-CT30', 'KH-KH-2017-2020']);
    expect(planReference('mua điện thoại bị lỗi có được đổi không', plans)).toBeNull();
  });

  it('puts the line that answers first, and keeps the printed order when no line does', () => {
    const section = '- Bảo đảm hầu hết cán bộ được tập huấn.\n- Bảo đảm 80% các khiếu nại được tiếp nhận, tư vấn; tỷ lệ giải quyết thành công trên 70%.';
    const found = answeringLines(section, 'Khánh Hòa đặt mục tiêu giải quyết khiếu nại thành công bao nhiêu?', ['Khánh Hòa']);
    expect(found.lines[0]).toContain('70%');
    expect(found.coverage).toBeGreaterThan(0.5);
    expect(answeringLines(section, 'Khánh Hòa làm gì?', ['Khánh Hòa']).lines[0]).toContain('hầu hết');
  });

  it('takes the section of a body the question names in full', () => {
    const sections = [
      { section: 'IV.5', sectionTitle: 'Sở Kế hoạch và Đầu tư' },
      { section: 'IV.15', sectionTitle: 'Hội bảo vệ quyền lợi người tiêu dùng' },
    ];
    expect(sectionNamedBy('Hội bảo vệ quyền lợi người tiêu dùng ở Bình Dương làm những việc gì theo kế hoạch?', sections)?.section).toBe('IV.15');
    expect(sectionNamedBy('theo kế hoạch ai kiểm tra hàng giả', sections)).toBeNull();
  });
});
